package io.wrench.api;

import io.wrench.api.audit.StandaloneVerifier;
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
        "org.axonframework.eventhandling.deadletter.jpa",
        "org.axonframework.modelling.saga.repository.jpa"})
@EnableJpaRepositories(basePackages = "io.wrench.query")
public class WrenchApplication {

    /** {@code verify ...} runs the stand-alone audit verifier (docs/audit.md) instead of the application. */
    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("verify")) {
            System.exit(StandaloneVerifier.run(java.util.Arrays.copyOfRange(args, 1, args.length), System.out));
        }
        SpringApplication.run(WrenchApplication.class, args);
    }
}
