package io.wrench.api.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wrench.api.cluster.DeadLetterQueues;
import io.wrench.api.web.FieldValidationException;
import io.wrench.api.web.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The projections' parked events ({@link DeadLetterQueues}): list them with their cause and attempts,
 * retry one sequence or all, evict one for good with a reason that is recorded. Any instance answers
 * for the whole cluster (the queue is in the shared database).
 */
@RestController
@RequestMapping(path = "/api/admin/dead-letters", produces = "application/json")
@Tag(name = "Operations", description = "Projections: position, lag, rebuilds")
class DeadLetterController {

    static final int MAX_REASON = 1000;
    static final int MAX_EVICTIONS = 500;

    private final DeadLetterQueues deadLetters;

    DeadLetterController(DeadLetterQueues deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** What retry-all did: the sequences it tried, how many went through, the events still parked. */
    record RetryAllResult(int sequences, int succeeded, long stillParked, List<DeadLetterQueues.RetryResult> results) {
    }

    @GetMapping
    @Operation(summary = "The parked events, sequence by sequence in order: the first of each failed (cause, attempts, "
            + "first and last failure), the others wait behind it (waiting = true)")
    List<DeadLetterQueues.ParkedEvent> list(@RequestParam(required = false) String projection) {
        return deadLetters.list(projection(projection));
    }

    @GetMapping("/evictions")
    @Operation(summary = "The evictions recorded, newest first: which event, why, who, when")
    List<DeadLetterQueues.EvictionRecord> evictions(@RequestParam(required = false) String projection,
                                                    @RequestParam(required = false) Integer limit) {
        int size = limit == null ? 100 : limit;
        if (size < 1 || size > MAX_EVICTIONS) {
            throw new FieldValidationException("limit", "must be between 1 and " + MAX_EVICTIONS);
        }
        return deadLetters.evictions(projection(projection), size);
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Handle the letter's sequence again from its first event, on this instance; succeeded = false "
            + "when it failed again (it stays parked, one attempt more)")
    DeadLetterQueues.RetryResult retry(@PathVariable String id) {
        return deadLetters.retry(id).orElseThrow(() -> notFound(id));
    }

    @PostMapping("/retry-all")
    @Operation(summary = "Retry every parked sequence (of one projection, or of all) once")
    RetryAllResult retryAll(@RequestParam(required = false) String projection) {
        List<DeadLetterQueues.RetryResult> results = deadLetters.retryAll(projection(projection));
        return new RetryAllResult(results.size(), (int) results.stream().filter(DeadLetterQueues.RetryResult::succeeded).count(),
                results.stream().mapToLong(DeadLetterQueues.RetryResult::remaining).sum(), results);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Evict a parked event for good (its view never sees it); the reason, who and when are recorded "
            + "(GET /api/admin/dead-letters/evictions). The events behind it stay parked until a retry")
    DeadLetterQueues.EvictionRecord evict(@PathVariable String id, @RequestParam String reason, Authentication caller) {
        String why = reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new FieldValidationException("reason", "must be 1 to " + MAX_REASON + " characters, not blank");
        }
        return deadLetters.evict(id, why, caller == null ? "unknown" : caller.getName()).orElseThrow(() -> notFound(id));
    }

    private String projection(String projection) {
        if (projection != null && !deadLetters.projections().contains(projection)) {
            throw new FieldValidationException("projection", "must be one of " + deadLetters.projections());
        }
        return projection;
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no parked event with id " + id);
    }
}
