package io.wrench.api.cluster;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The waking JPA event store and its PostgreSQL signal are for the JPA profiles only: on the
 * {@code axonserver} profile Axon Server is the event store, and a second one would silently take the
 * events ({@code .ci/axonserver-audit} checks the same on a real Axon Server: no row in
 * {@code domain_event_entry}).
 */
class JpaEventStoreConfigTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(JpaEventStoreConfig.class);

    @Test
    void isLeftOutWhenAxonServerIsTheEventStore() {
        runner.withPropertyValues("axon.axonserver.enabled=true").run(context -> assertThat(context)
                .hasNotFailed()
                .doesNotHaveBean(WakingEventStore.class)
                .doesNotHaveBean(PostgresEventSignal.class)
                .doesNotHaveBean("eventStorageEngine"));
    }

    @Test
    void isDeclaredOnTheJpaProfiles() {
        // its collaborators are missing here, so the context fails for want of them: the configuration was used
        runner.withPropertyValues("axon.axonserver.enabled=false").run(context -> assertThat(context)
                .hasFailed()
                .getFailure().hasMessageContaining("JpaEventStoreConfig"));
    }
}
