package io.wrench.api.cluster;

import io.wrench.api.web.ErrorAdvice;
import io.wrench.command.RuleViolationInterceptor;
import io.wrench.command.workorder.WorkOrderRuleViolation;
import io.wrench.shared.ErrorCode;
import io.wrench.shared.RuleViolationDetails;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.CommandSerializer;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused command keeps its meaning across Axon Server: the failure is passed through the
 * connector's own serializer, as the handling instance sends it and the dispatching one reads it.
 * Before, a rule broken at commit (a lookup table's unique index) and a stale expected version
 * (checked by Axon at prepare-commit) crossed without details and answered 500.
 */
class CommandFailureWireTest {

    private final CommandSerializer wire;

    CommandFailureWireTest() {
        AxonServerConfiguration configuration = new AxonServerConfiguration();
        configuration.setClientId("handler-instance");
        wire = new CommandSerializer(JacksonSerializer.defaultSerializer(), configuration);
    }

    private Throwable acrossAxonServer(Throwable failure) {
        CommandResultMessage<Object> handled = GenericCommandResultMessage.asCommandResultMessage(failure);
        CommandResultMessage<Object> received = wire.deserialize(wire.serialize(handled, "request-1"));
        assertThat(received.isExceptional()).isTrue();
        return received.exceptionResult();
    }

    @Test
    void a_rule_violation_raised_anywhere_crosses_with_its_code() {
        Throwable received = acrossAxonServer(new WorkOrderRuleViolation(ErrorCode.ILLEGAL_STATE, "work order is PAID"));
        assertThat(ErrorAdvice.detailsOf(received))
                .contains(new RuleViolationDetails(ErrorCode.ILLEGAL_STATE, "work order is PAID"));
    }

    @Test
    void a_concurrent_append_at_commit_crosses_as_a_conflict_that_the_gateway_retries() {
        Throwable atCommit = RuleViolationInterceptor.atCommit(
                new ConcurrencyException("An event for aggregate [x] at sequence [3] was already inserted"));
        Throwable received = acrossAxonServer(atCommit);
        assertThat(ErrorAdvice.detailsOf(received).map(RuleViolationDetails::code)).contains(ErrorCode.CONCURRENT_MODIFICATION);
        assertThat(ConcurrencyRetry.isConcurrentAppend(received)).isTrue();
    }

    @Test
    void without_details_the_same_failure_would_have_lost_its_meaning() {
        Throwable received = acrossAxonServer(new IllegalStateException("no details"));
        assertThat(ErrorAdvice.detailsOf(received)).isEmpty();
    }

    @Test
    void the_gateway_retries_only_concurrent_appends_and_only_a_few_times() {
        List<Runnable> scheduled = new ArrayList<>();
        var executor = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            ConcurrencyRetry retry = new ConcurrencyRetry(executor);
            List<Class<? extends Throwable>[]> failures = new ArrayList<>();
            failures.add(new Class[]{ConcurrencyException.class});
            assertThat(retry.scheduleRetry(null, new ConcurrencyException("raced"), failures, () -> scheduled.add(null)))
                    .isTrue();
            assertThat(retry.scheduleRetry(null, new WorkOrderRuleViolation(ErrorCode.ILLEGAL_STATE, "no"), failures,
                    () -> { })).as("a refusal is an answer, not a failure").isFalse();
            assertThat(retry.scheduleRetry(null, new CommandExecutionException("x", null), failures, () -> { }))
                    .isFalse();
            for (int i = 0; i < ConcurrencyRetry.MAX_RETRIES; i++) {
                failures.add(new Class[]{ConcurrencyException.class});
            }
            assertThat(retry.scheduleRetry(null, new ConcurrencyException("raced again"), failures, () -> { })).isFalse();
        } finally {
            executor.shutdownNow();
        }
    }
}
