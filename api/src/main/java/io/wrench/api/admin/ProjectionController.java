package io.wrench.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wrench.api.web.ConflictException;
import io.wrench.api.web.NotFoundException;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping(path = "/api/admin/projections", produces = "application/json")
@Tag(name = "Operations", description = "Projections: position, lag, rebuilds")
class ProjectionController {

    private final ProjectionAdmin admin;

    ProjectionController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    /** {@code progress} is position / head (1.0 = caught up); {@code lag} is how many events behind. */
    record ProjectionStatus(String name, boolean running, boolean error, int segments, long position, long head,
                            long lag, double progress) {
    }

    @GetMapping
    @Operation(summary = "Every streaming processor (projections and the parts process) with position and lag")
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
    @Operation(summary = "Empty the projection and replay every event into it; the API stays up (202)")
    ResponseEntity<ProjectionStatus> rebuild(@PathVariable String name) {
        if (!processor(name).supportsReset()) {
            throw new ConflictException(name + " cannot be rebuilt: it is a process (saga), and a replay would "
                    + "send its commands again");
        }
        admin.rebuild(name);
        return ResponseEntity.accepted().body(status(name, processor(name), admin.head()));
    }

    private StreamingEventProcessor processor(String name) {
        return admin.processor(name).orElseThrow(() -> new NotFoundException("no projection named " + name));
    }

    private ProjectionStatus status(String name, StreamingEventProcessor processor, long head) {
        long position = admin.position(name);
        long lag = Math.max(0, head - position);
        double progress = head <= 0 ? 1.0 : Math.min(1.0, Math.max(0, position) / (double) head);
        return new ProjectionStatus(name, processor.isRunning(), processor.isError(),
                processor.processingStatus().size(), position, head, lag, progress);
    }
}
