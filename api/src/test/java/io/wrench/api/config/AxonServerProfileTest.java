package io.wrench.api.config;

import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code axonserver} profile wires Axon Server as event store and message router, with tokens
 * (and sagas) in the relational database. No Axon Server runs here, so this proves the wiring of the
 * profile's configuration, not a connection; the database is H2 instead of PostgreSQL. Streaming
 * processors would block the start until Axon Server answers (as they should in production), so
 * here they are subscribing. As in the compose stack, an external identity provider is configured,
 * which turns the embedded issuer off. The context is closed afterwards: it would otherwise keep
 * trying to reach Axon Server (and logging so) while the rest of the suite runs.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:axonserver-profile;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        "spring.jpa.database-platform=",
        "axon.axonserver.servers=localhost:1",
        "spring.flyway.placeholders.binary_type=blob",
        // the production shape (docker-compose.yml): an external identity provider and a browser front end
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:1/realms/wrench/certs",
        "wrench.security.roles-claim=realm_access.roles",
        "wrench.security.cors-allowed-origins=https://front.example"
})
@ActiveProfiles({"axonserver", "test"})
@DirtiesContext
class AxonServerProfileTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class NoStreamingProcessors {
        @Bean
        ConfigurerModule subscribingProcessorsOnly() {
            return new ConfigurerModule() {
                @Override
                public void configureModule(Configurer configurer) {
                    configurer.eventProcessing().usingSubscribingEventProcessors();
                }

                @Override
                public int order() {
                    return Integer.MAX_VALUE;
                }
            };
        }
    }

    @Autowired
    CommandBus commandBus;
    @Autowired
    QueryBus queryBus;
    @Autowired
    EventStore eventStore;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    Environment environment;
    @Autowired
    ApplicationContext context;

    @Test
    void axon_server_routes_commands_queries_and_stores_events() {
        assertThat(commandBus).isInstanceOf(AxonServerCommandBus.class);
        assertThat(queryBus).isInstanceOf(AxonServerQueryBus.class);
        assertThat(eventStore).isInstanceOf(AxonServerEventStore.class);
    }

    @Test
    void tokens_stay_in_the_relational_database() {
        assertThat(tokenStore).isInstanceOf(JpaTokenStore.class);
        assertThat(environment.getProperty("axon.axonserver.enabled")).isEqualTo("true");
        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    }

    @Test
    void an_external_issuer_turns_the_embedded_one_off() {
        assertThat(context.getBeanNamesForType(RegisteredClientRepository.class)).isEmpty();
        assertThat(context.getBean(JwtDecoder.class)).isInstanceOf(NimbusJwtDecoder.class);
    }

    @Test
    void cors_allows_exactly_the_configured_origins() {
        CorsConfiguration cors = context.getBean("corsConfigurationSource", CorsConfigurationSource.class)
                .getCorsConfiguration(new MockHttpServletRequest("OPTIONS", "/api/customers"));
        assertThat(cors).isNotNull();
        assertThat(cors.checkOrigin("https://front.example")).isEqualTo("https://front.example");
        assertThat(cors.checkOrigin("https://evil.example")).isNull();
    }
}
