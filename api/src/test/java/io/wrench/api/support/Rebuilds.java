package io.wrench.api.support;

import io.wrench.api.admin.ProjectionAdmin;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** For rebuild tests: replay a projection from the first event and wait until it has caught up. */
public final class Rebuilds {

    private Rebuilds() {
    }

    public static void rebuildAndWait(ProjectionAdmin admin, String... processors) throws InterruptedException {
        for (String name : processors) {
            admin.rebuild(name);
        }
        for (String name : processors) {
            assertThat(admin.awaitCaughtUp(name, Duration.ofSeconds(60))).as(name + " caught up").isTrue();
        }
    }
}
