package io.wrench.query.technician;

import io.wrench.query.PageView;
import io.wrench.query.Sorting;
import io.wrench.query.technician.messages.FindTechnician;
import io.wrench.query.technician.messages.FindTechnicians;
import io.wrench.query.technician.messages.TechnicianView;
import io.wrench.query.technician.messages.TechnicianViews;
import io.wrench.shared.DeadLettered;
import io.wrench.shared.ViewTables;
import io.wrench.shared.technician.TechnicianDeactivated;
import io.wrench.shared.technician.TechnicianReactivated;
import io.wrench.shared.technician.TechnicianRegistered;
import io.wrench.shared.technician.TechnicianRenamed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The directory list and each technician. A row is changed only by its own technician's events, so the
 * group runs on the default segments; each handler skips an event the row has already seen.
 */
@Component
@ProcessingGroup(TechnicianViews.PROCESSOR)
class TechnicianProjection {

    private final TechnicianRepository technicians;

    TechnicianProjection(TechnicianRepository technicians) {
        this.technicians = technicians;
    }

    /** The tables a rebuild copies beside the live ones (blue/green), then swaps in. */
    @Bean
    static ViewTables technicianProjectionViewTables() {
        return ViewTables.of(TechnicianViews.PROCESSOR, "technician_view");
    }

    /** A failing event is parked with its sequence, the rest of the view goes on. */
    @Bean
    static DeadLettered technicianProjectionDeadLettered() {
        return new DeadLettered(TechnicianViews.PROCESSOR);
    }

    @EventHandler
    void on(TechnicianRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (technicians.findById(event.userId()).isEmpty()) {
            technicians.insert(new TechnicianEntity(event.userId(), event.technicianId().value(), event.displayName(),
                    sequence, at));
        }
    }

    @EventHandler
    void on(TechnicianRenamed event, @SequenceNumber long sequence) {
        update(event.userId(), sequence, t -> t.displayName = event.displayName());
    }

    @EventHandler
    void on(TechnicianDeactivated event, @SequenceNumber long sequence) {
        update(event.userId(), sequence, t -> t.active = false);
    }

    @EventHandler
    void on(TechnicianReactivated event, @SequenceNumber long sequence) {
        update(event.userId(), sequence, t -> t.active = true);
    }

    private void update(String userId, long sequence, Consumer<TechnicianEntity> change) {
        technicians.findById(userId).filter(t -> sequence > t.version).ifPresent(t -> {
            change.accept(t);
            t.version = sequence;
        });
    }

    @ResetHandler
    void reset() {
        technicians.deleteAllInBulk();
    }

    /** Declared raw: Axon matches a query's response type against the raw class. */
    @QueryHandler
    @Transactional(readOnly = true)
    @SuppressWarnings("rawtypes")
    PageView handle(FindTechnicians query) {
        Specification<TechnicianEntity> spec = query.active() == null ? (root, q, cb) -> cb.conjunction()
                : (root, q, cb) -> cb.equal(root.get("active"), query.active());
        return PageView.of(technicians.findAll(spec, Sorting.pageable(query.page(), FindTechnicians.SORTABLE,
                "displayName", "userId")).map(TechnicianProjection::view));
    }

    @QueryHandler
    @Transactional(readOnly = true)
    Optional<TechnicianView> handle(FindTechnician query) {
        return technicians.findById(query.userId()).map(TechnicianProjection::view);
    }

    private static TechnicianView view(TechnicianEntity t) {
        return new TechnicianView(t.userId, t.displayName, t.active, t.registeredAt, t.version);
    }
}
