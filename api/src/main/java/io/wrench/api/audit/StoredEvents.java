package io.wrench.api.audit;

import java.util.function.Consumer;

/** The event store read for export and verification, in global order, with the ledger's leaf index. */
interface StoredEvents {

    /** How many events the store holds (for progress). */
    long count();

    /** Every stored event up to the head, indexed or not. */
    void all(Consumer<StoredEvent> sink);

    /** The indexed events that match the filter. */
    void matching(AuditFilter filter, Consumer<StoredEvent> sink);
}
