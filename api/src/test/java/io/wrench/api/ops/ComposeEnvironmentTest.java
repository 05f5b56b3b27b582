package io.wrench.api.ops;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A misspelt environment variable is silently ignored by Spring, and the app starts with a default
 * (an embedded database, no issuer check...). So every variable we hand the app must name a real,
 * documented configuration property.
 */
class ComposeEnvironmentTest {

    /** Read by the JVM or by the image, not by Spring's binder. */
    private static final Set<String> NOT_SPRING_PROPERTIES = Set.of("JAVA_TOOL_OPTIONS");

    private static final ConfigurationPropertyCatalog CATALOG = ConfigurationPropertyCatalog.fromClasspath();

    @Test
    void catalogHoldsSpringAxonSpringdocAndOurOwnProperties() {
        assertThat(CATALOG.contains("spring.datasource.url")).isTrue();
        assertThat(CATALOG.contains("axon.axonserver.servers")).isTrue();
        assertThat(CATALOG.contains("springdoc.swagger-ui.oauth.client-id")).isTrue();
        assertThat(CATALOG.contains("wrench.security.roles-claim"))
                .as("api/target/classes metadata from the configuration processor").isTrue();
    }

    @Test
    void everyVariableGivenToTheAppNamesAConfigurationProperty() {
        List<String> variables = new ArrayList<>();
        OpsFiles.compose().path("services").path("app").path("environment")
                .properties().forEach(variable -> variables.add(variable.getKey()));

        assertThat(variables).isNotEmpty();
        assertThat(unboundVariables(variables)).isEmpty();
    }

    @Test
    void everyVariableTheImageSetsNamesAConfigurationProperty() {
        List<String> variables = List.copyOf(OpsFiles.dockerfileEnvironmentNames().keySet());

        assertThat(variables).contains("MANAGEMENT_ENDPOINT_HEALTH_PROBES_ENABLED");
        assertThat(unboundVariables(variables)).isEmpty();
    }

    @Test
    void matcherFollowsRelaxedBindingAndRejectsMisspeltNames() {
        assertThat(CATALOG.bindsEnvironmentVariable("SPRING_DATASOURCE_URL")).isTrue();
        assertThat(CATALOG.bindsEnvironmentVariable("SPRING_PROFILES_ACTIVE")).isTrue();
        assertThat(CATALOG.bindsEnvironmentVariable("WRENCH_SECURITY_ROLES_CLAIM")).isTrue();
        assertThat(CATALOG.bindsEnvironmentVariable("WRENCH_SECURITY_ROLESCLAIM")).isTrue();
        assertThat(CATALOG.bindsEnvironmentVariable("LOGGING_LEVEL_ORG_AXONFRAMEWORK")).isTrue();

        assertThat(CATALOG.bindsEnvironmentVariable("SPRING_DATASOURCE_URLL")).isFalse();
        assertThat(CATALOG.bindsEnvironmentVariable("SPRING_DATASOURCES_URL")).isFalse();
        assertThat(CATALOG.bindsEnvironmentVariable("WRENCH_SECURITY_ROLE_CLAIM")).isFalse();
        assertThat(CATALOG.bindsEnvironmentVariable("AXON_AXONSERVER_SERVER")).isFalse();
        assertThat(CATALOG.bindsEnvironmentVariable("SPRING_DATASOURCE")).isFalse();
    }

    private static List<String> unboundVariables(List<String> variables) {
        return variables.stream()
                .filter(variable -> !NOT_SPRING_PROPERTIES.contains(variable))
                .filter(variable -> !CATALOG.bindsEnvironmentVariable(variable))
                .toList();
    }
}
