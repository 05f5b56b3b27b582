package io.wrench.command.technician;

import io.wrench.command.technician.messages.DeactivateTechnician;
import io.wrench.command.technician.messages.EnsureTechnician;
import io.wrench.command.technician.messages.ReactivateTechnician;
import io.wrench.command.technician.messages.RegisterTechnician;
import io.wrench.shared.technician.TechnicianDeactivated;
import io.wrench.shared.technician.TechnicianId;
import io.wrench.shared.technician.TechnicianReactivated;
import io.wrench.shared.technician.TechnicianRegistered;
import io.wrench.shared.technician.TechnicianRenamed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import static io.wrench.command.technician.TechnicianRuleViolation.INPUT;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A person in the technician directory. Registration creates the aggregate when it is missing (its id
 * is derived from the user id), so registering is idempotent and a seed on several instances meets one
 * stream.
 */
@Aggregate
class Technician {

    @AggregateIdentifier
    private TechnicianId technicianId;
    private String userId;
    private String displayName;
    private boolean active;

    protected Technician() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RegisterTechnician command) {
        String name = displayName(command.displayName());
        if (technicianId == null) {
            apply(new TechnicianRegistered(command.technicianId(), userId(command.technicianId(), command.userId()), name));
        } else if (!name.equals(displayName)) {
            apply(new TechnicianRenamed(technicianId, userId, name));
        }
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(EnsureTechnician command) {
        if (technicianId == null) {
            apply(new TechnicianRegistered(command.technicianId(), userId(command.technicianId(), command.userId()),
                    displayName(command.displayName())));
        }
    }

    @CommandHandler
    void handle(DeactivateTechnician command) {
        if (active) {
            apply(new TechnicianDeactivated(technicianId, userId));
        }
    }

    @CommandHandler
    void handle(ReactivateTechnician command) {
        if (!active) {
            apply(new TechnicianReactivated(technicianId, userId));
        }
    }

    private static String userId(TechnicianId id, String userId) {
        INPUT.text("userId", userId);
        if (!TechnicianId.isUserId(userId)) {
            throw INPUT.invalid("userId must be 1 to 200 characters without spaces or '/', and not 'me'");
        }
        if (!TechnicianId.of(userId).equals(id)) {
            throw INPUT.invalid("technicianId " + id + " is not the id of user " + userId);
        }
        return userId;
    }

    private static String displayName(String displayName) {
        String name = INPUT.text("displayName", displayName).strip();
        if (name.length() > 200) {
            throw INPUT.invalid("displayName must not be longer than 200 characters");
        }
        return name;
    }

    @EventSourcingHandler
    void on(TechnicianRegistered event) {
        technicianId = event.technicianId();
        userId = event.userId();
        displayName = event.displayName();
        active = true;
    }

    @EventSourcingHandler void on(TechnicianRenamed event) { displayName = event.displayName(); }
    @EventSourcingHandler void on(TechnicianDeactivated event) { active = false; }
    @EventSourcingHandler void on(TechnicianReactivated event) { active = true; }
}
