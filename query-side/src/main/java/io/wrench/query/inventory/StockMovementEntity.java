package io.wrench.query.inventory;

import io.wrench.query.inventory.messages.StockMovementView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.springframework.data.domain.Persistable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One movement, keyed by the identifier of the event that recorded it. */
@Entity
@Table(name = "stock_movement_view")
class StockMovementEntity implements Persistable<String> {

    @Id
    String eventId;
    UUID itemId;
    /** The event's sequence number in the item's stream: the ledger's order. */
    @Column(name = "sequence_number")
    long sequence;
    @Column(name = "occurred_at")
    Instant at;
    @Column(name = "movement_type")
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    StockMovementView.Type type;
    BigDecimal quantity;
    UUID workOrderId;
    String reason;
    /** The user behind the movement ({@code by} in the API; a reserved word in SQL). */
    String actor;

    protected StockMovementEntity() {
    }

    StockMovementEntity(String eventId) {
        this.eventId = eventId;
    }

    @Override
    public String getId() {
        return eventId;
    }

    /** Always inserted, never merged: the projection checks for the event first, so no select per save. */
    @Override
    public boolean isNew() {
        return true;
    }
}
