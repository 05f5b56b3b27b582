package io.wrench.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

@SpringBootApplication(scanBasePackages = {"io.wrench.api", "io.wrench.command", "io.wrench.query"})
// Naming packages here replaces Boot's default scan, so Axon's own entities are listed too.
@EntityScan(basePackages = {
        "io.wrench.query",
        "org.axonframework.eventsourcing.eventstore.jpa",
        "org.axonframework.eventhandling.tokenstore.jpa",
        "org.axonframework.modelling.saga.repository.jpa"})
@EnableJpaRepositories(basePackages = "io.wrench.query")
public class WrenchApplication {

    public static void main(String[] args) {
        SpringApplication.run(WrenchApplication.class, args);
    }
}
