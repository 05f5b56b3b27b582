package io.wrench.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wrench.api.cluster.ProcessorProgress;
import io.wrench.api.cluster.RebuildCoordinator;
import io.wrench.api.web.ConflictException;
import io.wrench.api.web.NotFoundException;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

@RestController
@RequestMapping(path = "/api/admin/projections", produces = "application/json")
@Tag(name = "Operations", description = "Projections: position, lag, rebuilds")
class ProjectionController {

    private final ProjectionAdmin admin;

    ProjectionController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    /**
     * One processor over the whole cluster. {@code progress} is position / head (1.0 = caught up);
     * {@code lag} is how many events behind; {@code state} LIVE, REBUILDING (a copy is being built beside
     * the live view, which keeps serving), SWITCHING (the copy has caught up and is taking over), PARKED_EVENTS ({@code deadLetters} events wait in its
     * dead-letter queue; the rest of it goes on) or ERROR; {@code segments} lists every segment with
     * the instance that owns it (null: unclaimed) — the same picture on every instance.
     */
    record ProjectionStatus(String name, String state, boolean running, boolean error, int segmentCount,
                            long position, long head, long lag, double progress, long deadLetters,
                            List<Segment> segments,
                            Rebuild lastRebuild) {
    }

    record Segment(int segment, String owner, long position, boolean replaying) {
    }

    /**
     * The last rebuild: {@code state} PREPARING, BUILDING, SWITCHING or DONE; who asked and when it started;
     * the instance building the copy; the head when it was asked; while it runs, how far the copy got,
     * its events/s over the last 10 s and the seconds left at that rate (null while unknown), and the events
     * the copy parked in its dead-letter queue (projection {@code <name>@copy}: while there are any, the copy
     * does not switch); when reads switched to it.
     */
    record Rebuild(String state, String requestedBy, Instant requestedAt, String instance, long headAtReset,
                   Long copyPosition, Double eventsPerSecond, Long etaSeconds, Long copyDeadLetters,
                   Instant switchedAt) {
    }

    @GetMapping
    @Operation(summary = "Every streaming processor (projections and the parts process), cluster-wide")
    List<ProjectionStatus> list() {
        long head = admin.head();
        return admin.processors().entrySet().stream()
                .map(e -> status(e.getKey(), e.getValue(), head))
                .toList();
    }

    @GetMapping("/{name}")
    ProjectionStatus get(@PathVariable String name) {
        return status(name, processor(name), admin.head());
    }

    @PostMapping("/{name}/rebuild")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.ACCEPTED)
    @Operation(summary = "Build a fresh copy of the projection beside the live one from every event, then switch "
            + "reads to it when it has caught up (202); 409 while another rebuild of it runs")
    ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name, Authentication caller) {
        if (!processor(name).supportsReset()) {
            throw new ConflictException(name + " cannot be rebuilt by replay: a process (saga) would send its "
                    + "commands again, and the audit ledger would append history it already holds");
        }
        if (!admin.rebuildable(name)) {
            throw new ConflictException(name + " declares no tables, so no copy of it can be built beside it");
        }
        try {
            admin.rebuild(name, caller == null ? "unknown" : caller.getName());
        } catch (RebuildCoordinator.RebuildInProgress | RebuildCoordinator.SegmentsNotReleased refused) {
            throw new ConflictException(refused.getMessage());
        }
        return ResponseEntity.accepted().body(status(name, processor(name), admin.head()));
    }

    private StreamingEventProcessor processor(String name) {
        return admin.processor(name).orElseThrow(() -> new NotFoundException("no projection named " + name));
    }

    private ProjectionStatus status(String name, StreamingEventProcessor processor, long head) {
        List<ProcessorProgress.SegmentProgress> segments = admin.segments(name);
        long position = segments.stream().mapToLong(ProcessorProgress.SegmentProgress::position).min().orElse(-1);
        long lag = Math.max(0, head - position);
        double progress = head <= 0 ? 1.0 : Math.min(1.0, Math.max(0, position) / (double) head);
        Rebuild rebuild = admin.lastRebuild(name).map(r -> {
            var copy = admin.rebuildProgress(name);
            return new Rebuild(r.state().name(), r.requestedBy(), Instant.ofEpochMilli(r.requestedAt()), r.nodeId(),
                    r.headAtReset(), copy.map(RebuildCoordinator.Progress::position).orElse(null),
                    copy.map(RebuildCoordinator.Progress::eventsPerSecond).orElse(null),
                    copy.map(RebuildCoordinator.Progress::etaSeconds).orElse(null),
                    copy.map(RebuildCoordinator.Progress::deadLetters).orElse(null),
                    r.switchedAt() == null ? null : Instant.ofEpochMilli(r.switchedAt()));
        }).orElse(null);
        long deadLetters = admin.deadLetters(name);
        String state = processor.isError() ? "ERROR"
                : rebuild != null && "SWITCHING".equals(rebuild.state()) ? "SWITCHING"
                : rebuild != null && !"DONE".equals(rebuild.state()) ? "REBUILDING"
                : deadLetters > 0 ? "PARKED_EVENTS" : "LIVE";
        return new ProjectionStatus(name, state, processor.isRunning(), processor.isError(), segments.size(),
                position, head, lag, progress, deadLetters,
                segments.stream().map(s -> new Segment(s.segment(), s.owner(), s.position(), s.replaying())).toList(),
                rebuild);
    }
}
