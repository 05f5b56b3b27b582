package io.wrench.api.cluster;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.HttpTestSupport;
import io.wrench.api.web.ErrorAdvice;
import io.wrench.command.customer.messages.UpdateContactDetails;
import io.wrench.shared.ErrorCode;
import io.wrench.shared.RuleViolationDetails;
import io.wrench.shared.customer.CustomerId;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.CommandSerializer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stale {@code If-Match} handled by the local segment (as Axon Server hands it a command) leaves with
 * its details, so it is a 412 on the dispatching instance too. Axon checks the expected version only at
 * prepare-commit, after every interceptor has returned; before, that failure had no details and crossed
 * Axon Server as a 500.
 */
class StaleVersionWireHttpTest extends HttpTestSupport {

    @Autowired
    @Qualifier("localSegment")
    CommandBus localSegment;

    @Test
    void a_stale_expected_version_leaves_the_handling_instance_with_its_details() throws Exception {
        String id = newCustomer("Stale Wire");
        api.as(Role.ADVISOR).patch("/api/customers/" + id, Map.of("phone", "1"));
        Api.Response second = api.as(Role.ADVISOR).patch("/api/customers/" + id, Map.of("phone", "2"));

        CompletableFuture<CommandResultMessage<?>> result = new CompletableFuture<>();
        localSegment.dispatch(GenericCommandMessage.asCommandMessage(new UpdateContactDetails(
                        new CustomerId(UUID.fromString(id)), null, null, "3", null, 0L)),
                (command, answer) -> result.complete(answer));
        CommandResultMessage<?> handled = result.get(30, TimeUnit.SECONDS);
        assertThat(handled.isExceptional()).isTrue();

        AxonServerConfiguration configuration = new AxonServerConfiguration();
        configuration.setClientId("handler-instance");
        CommandSerializer wire = new CommandSerializer(JacksonSerializer.defaultSerializer(), configuration);
        @SuppressWarnings("unchecked")
        CommandResultMessage<Object> sent = (CommandResultMessage<Object>) handled;
        Throwable received = wire.deserialize(wire.serialize(sent, "request-1")).exceptionResult();

        assertThat(ErrorAdvice.detailsOf(received).map(RuleViolationDetails::code)).contains(ErrorCode.STALE_VERSION);
        assertThat(readAfter(second, Role.ADVISOR, "/api/customers/" + id).json().get("phone").asString())
                .as("nothing changed").isEqualTo("2");
    }
}
