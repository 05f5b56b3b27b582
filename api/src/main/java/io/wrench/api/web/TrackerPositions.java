package io.wrench.api.web;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;

/**
 * Where a processor segment really is. During a replay Axon wraps the token in a {@link ReplayToken}
 * whose reported position is the reset point, not how far the replay got: read its current token.
 */
public final class TrackerPositions {

    private TrackerPositions() {
    }

    public static long of(EventTrackerStatus status) {
        return of(status.getTrackingToken());
    }

    static long of(TrackingToken token) {
        if (token instanceof ReplayToken replay) {
            return of(replay.getCurrentToken());
        }
        return token == null ? -1 : token.position().orElse(-1L);
    }
}
