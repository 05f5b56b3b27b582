package io.wrench.api.support;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** On the shared PostgreSQL test database ({@code wrench.test.clean-database=true}), start from an empty schema. */
@TestConfiguration(proxyBeanMethods = false)
class CleanDatabase {

    @Bean
    FlywayMigrationStrategy cleanThenMigrate(@Value("${wrench.test.clean-database:false}") boolean clean) {
        return (Flyway flyway) -> {
            if (clean) {
                flyway.clean();
            }
            flyway.migrate();
        };
    }
}
