package io.wrench.api.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Human-readable logs locally; structured JSON (ECS) in the postgres and axonserver profiles. */
class LoggingProfilesTest {

    private static Object property(String file, String name) throws IOException {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(file, new ClassPathResource(file));
        return sources.stream().map(s -> s.getProperty(name)).filter(v -> v != null).findFirst().orElse(null);
    }

    @Test
    void the_embedded_default_logs_plain_text_with_the_request_id() throws IOException {
        assertThat(property("application.yml", "logging.structured.format.console")).isNull();
        assertThat(String.valueOf(property("application.yml", "logging.pattern.level"))).contains("%X{requestId");
    }

    @Test
    void the_postgres_and_axonserver_profiles_log_ecs_json() throws IOException {
        assertThat(property("application-postgres.yml", "logging.structured.format.console")).hasToString("ecs");
        assertThat(property("application-axonserver.yml", "logging.structured.format.console")).hasToString("ecs");
    }
}
