package io.wrench.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication(scanBasePackages = {"io.wrench.api", "io.wrench.command", "io.wrench.query"})
public class WrenchApplication {

    public static void main(String[] args) {
        SpringApplication.run(WrenchApplication.class, args);
    }
}
