package io.wrench.api.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wrench.api.web.ConflictException;
import io.wrench.api.web.FieldValidationException;
import io.wrench.api.web.ListParams;
import io.wrench.api.web.NotFoundException;
import io.wrench.query.PageQuery;
import io.wrench.query.PageView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.Set;

/** The notification outbox for ADMIN: what was sent, what waits (and why), what is parked; a retry of a parked one. */
@RestController
@RequestMapping(path = "/api/admin/outbox", produces = "application/json")
@Tag(name = "Operations", description = "Projections: position, lag, rebuilds")
class OutboxController {

    private final Outbox outbox;
    private final Clock clock;

    OutboxController(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Customer e-mails in the outbox, newest first: SENT, PENDING (with attempts, the next attempt "
            + "and the last error) or PARKED; every state without ?state=")
    PageView<Outbox.Message> list(@RequestParam(required = false) String state,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        OutboxState wanted = state(state);
        PageQuery query = ListParams.parse(page, size, null, Set.of());
        long total = outbox.count(wanted);
        return PageView.of(outbox.list(wanted, query.page(), query.size()), query.page(), query.size(), total);
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "Send a PARKED message again: it is PENDING and due now, with its attempts counted afresh "
            + "(409 when it is not parked)")
    Outbox.Message retry(@PathVariable String id) {
        Outbox.Message message = outbox.find(id).orElseThrow(() -> new NotFoundException("no outbox message with id " + id));
        if (!outbox.retry(id, clock.instant())) {
            throw new ConflictException("outbox message " + id + " is " + message.state() + ": only a PARKED message is retried");
        }
        return outbox.find(id).orElseThrow();
    }

    private static OutboxState state(String state) {
        if (state == null) {
            return null;
        }
        try {
            return OutboxState.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw new FieldValidationException("state", "must be one of " + String.join(", ", Outbox.stateNames()));
        }
    }
}
