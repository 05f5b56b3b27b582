package io.wrench.api.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every configuration property documented on the classpath, read from the
 * {@code META-INF/(additional-)spring-configuration-metadata.json} files that Spring Boot, Axon,
 * springdoc and our own configuration processor produce.
 */
final class ConfigurationPropertyCatalog {

    private static final String[] METADATA = {
            "META-INF/spring-configuration-metadata.json",
            "META-INF/additional-spring-configuration-metadata.json"};

    /** Property name to its declared type. */
    private final Map<String, String> properties;

    private ConfigurationPropertyCatalog(Map<String, String> properties) {
        this.properties = Collections.unmodifiableMap(properties);
    }

    static ConfigurationPropertyCatalog fromClasspath() {
        Map<String, String> properties = new TreeMap<>();
        ClassLoader classLoader = ConfigurationPropertyCatalog.class.getClassLoader();
        try {
            for (String resource : METADATA) {
                for (URL url : Collections.list(classLoader.getResources(resource))) {
                    try (InputStream in = url.openStream()) {
                        for (JsonNode property : OpsFiles.JSON.readTree(in).path("properties")) {
                            properties.putIfAbsent(property.path("name").asText(), property.path("type").asText(""));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ConfigurationPropertyCatalog(properties);
    }

    boolean contains(String propertyName) {
        return properties.containsKey(propertyName);
    }

    int size() {
        return properties.size();
    }

    /**
     * Whether Spring would bind this environment variable to a documented property. The variable
     * is put into a system-environment property source and every known property is looked up
     * through it, so Spring's own relaxed-binding rules decide ({@code SPRING_DATASOURCE_URL},
     * {@code WRENCH_SECURITY_ROLES_CLAIM} and {@code WRENCH_SECURITY_ROLESCLAIM} all count).
     * Map-typed properties such as {@code logging.level} also accept their entries.
     */
    boolean bindsEnvironmentVariable(String variable) {
        // The name matters: Spring applies the environment-variable mapping only to a source
        // called "systemEnvironment".
        SystemEnvironmentPropertySource environment = new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(variable, "value"));
        ConfigurationPropertySource source = ConfigurationPropertySources.from(environment).iterator().next();
        return properties.entrySet().stream().anyMatch(property -> {
            ConfigurationPropertyName name = ConfigurationPropertyName.ofIfValid(property.getKey());
            if (name == null) {
                return false;
            }
            if (source.getConfigurationProperty(name) != null) {
                return true;
            }
            return property.getValue().startsWith("java.util.Map<")
                    && source.containsDescendantOf(name) == ConfigurationPropertyState.PRESENT;
        });
    }
}
