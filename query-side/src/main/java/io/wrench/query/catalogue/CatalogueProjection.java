package io.wrench.query.catalogue;

import io.wrench.query.Decimals;
import io.wrench.query.PageView;
import io.wrench.query.SearchText;
import io.wrench.query.Sorting;
import io.wrench.query.catalogue.messages.FindServiceEntries;
import io.wrench.query.catalogue.messages.FindServiceEntry;
import io.wrench.query.catalogue.messages.ServiceEntrySummary;
import io.wrench.query.catalogue.messages.ServiceEntryView;
import io.wrench.shared.ViewTables;
import org.springframework.context.annotation.Bean;
import io.wrench.shared.catalogue.ServiceEntryDefined;
import io.wrench.shared.catalogue.ServiceEntryId;
import io.wrench.shared.catalogue.ServiceEntryRetired;
import io.wrench.shared.catalogue.ServiceEntryRevised;
import io.wrench.shared.catalogue.ServiceLabour;
import io.wrench.shared.catalogue.ServicePart;
import io.wrench.shared.inventory.StockItemId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue list and each entry's current revision. Each handler skips an event the row has
 * already seen (its sequence number is not above the row's version), so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(CatalogueProjection.NAME)
class CatalogueProjection {

    static final String NAME = "catalogue-projection";


    /** The tables a rebuild copies beside the live ones (blue/green), then swaps in. */

    @Bean

    static ViewTables catalogueProjectionViewTables() {

        return ViewTables.of(NAME, "catalogue_entry_view", "catalogue_line_view");

    }

    private final ServiceEntryRepository entries;
    private final ServiceLineRepository lines;

    CatalogueProjection(ServiceEntryRepository entries, ServiceLineRepository lines) {
        this.entries = entries;
        this.lines = lines;
    }

    @EventHandler
    void on(ServiceEntryDefined event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (entries.findById(event.entryId().value()).isPresent()) {
            return;
        }
        ServiceEntryEntity entry = new ServiceEntryEntity(event.entryId().value(), event.code());
        entry.definedAt = at;
        entry.version = sequence;
        revise(entry, event.revision(), event.name(), event.description(), event.category(), event.labourLines(),
                event.partLines(), event.fixedPrice());
        entries.insert(entry);
    }

    @EventHandler
    void on(ServiceEntryRevised event, @SequenceNumber long sequence) {
        entries.findById(event.entryId().value()).filter(e -> sequence > e.version).ifPresent(e -> {
            lines.deleteAll(lines.findByEntryIdOrderByPositionAsc(e.id));
            revise(e, event.revision(), event.name(), event.description(), event.category(), event.labourLines(),
                    event.partLines(), event.fixedPrice());
            e.version = sequence;
        });
    }

    @EventHandler
    void on(ServiceEntryRetired event, @SequenceNumber long sequence) {
        entries.findById(event.entryId().value()).filter(e -> sequence > e.version).ifPresent(e -> {
            e.retired = true;
            e.version = sequence;
        });
    }

    private void revise(ServiceEntryEntity entry, int revision, String name, String description, String category,
                        List<ServiceLabour> labour, List<ServicePart> parts, BigDecimal fixedPrice) {
        entry.revision(revision, name, description, category, fixedPrice,
                labour.stream().map(ServiceLabour::hours).reduce(BigDecimal.ZERO, BigDecimal::add));
        int position = 0;
        for (ServiceLabour l : labour) {
            ServiceLineEntity line = new ServiceLineEntity(entry.id, revision, position++);
            line.description = l.description();
            line.hours = l.hours();
            line.hourlyRate = l.hourlyRate();
            lines.save(line);
        }
        for (ServicePart p : parts) {
            ServiceLineEntity line = new ServiceLineEntity(entry.id, revision, position++);
            line.itemId = p.itemId().value();
            line.quantity = p.quantity();
            lines.save(line);
        }
    }

    @ResetHandler
    void reset() {
        lines.deleteAllInBulk();
        entries.deleteAllInBulk();
    }

    /** Declared raw: Axon matches a query's response type against the raw class. */
    @QueryHandler
    @Transactional(readOnly = true)
    @SuppressWarnings("rawtypes")
    PageView handle(FindServiceEntries query) {
        Specification<ServiceEntryEntity> spec = SearchText.contains(query.search());
        if (query.retired() != null) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("retired"), query.retired()));
        }
        var page = entries.findAll(spec, Sorting.pageable(query.page(), FindServiceEntries.SORTABLE, "code", "id"))
                .map(e -> new ServiceEntrySummary(new ServiceEntryId(e.id), e.code, e.name, e.category, e.revision,
                        e.retired, Decimals.quantity(e.hours), Decimals.money(e.fixedPrice)));
        return PageView.of(page);
    }

    @QueryHandler
    @Transactional(readOnly = true)
    Optional<ServiceEntryView> handle(FindServiceEntry query) {
        return entries.findByCodeKey(ServiceEntryId.normalise(query.code())).map(e -> {
            List<ServiceLineEntity> all = lines.findByEntryIdOrderByPositionAsc(e.id);
            return new ServiceEntryView(new ServiceEntryId(e.id), e.code, e.name, e.description, e.category,
                    e.revision, e.retired,
                    all.stream().filter(l -> l.itemId == null).map(l -> new ServiceEntryView.ServiceEntryLabour(l.description,
                            Decimals.quantity(l.hours), Decimals.money(l.hourlyRate))).toList(),
                    all.stream().filter(l -> l.itemId != null).map(l -> new ServiceEntryView.ServiceEntryPart(
                            new StockItemId(l.itemId), Decimals.quantity(l.quantity))).toList(),
                    Decimals.money(e.fixedPrice), Decimals.quantity(e.hours), e.version);
        });
    }
}
