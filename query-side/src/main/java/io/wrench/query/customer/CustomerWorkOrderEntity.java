package io.wrench.query.customer;

import io.wrench.shared.workorder.WorkOrderStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer's work order as the customer detail lists it (filled from work-order events).
 * {@code version} is the work order's last event applied here; {@code total} moves with the lines
 * until the invoice fixes it, as on the work order itself.
 */
@Entity
@Table(name = "customer_work_order_view")
class CustomerWorkOrderEntity {

    @Id
    UUID id;
    UUID customerId;
    String number;
    String status;
    BigDecimal total;
    Instant openedAt;
    long version;

    protected CustomerWorkOrderEntity() {
    }

    CustomerWorkOrderEntity(UUID id, UUID customerId, String number, Instant openedAt, long version) {
        this.id = id;
        this.customerId = customerId;
        this.number = number;
        this.status = WorkOrderStatus.OPEN.name();
        this.total = BigDecimal.ZERO.setScale(2);
        this.openedAt = openedAt;
        this.version = version;
    }

    boolean isOpen() {
        return WorkOrderStatus.valueOf(status).isOutstanding();
    }

    boolean isInvoiced() {
        WorkOrderStatus current = WorkOrderStatus.valueOf(status);
        return current == WorkOrderStatus.INVOICED || current == WorkOrderStatus.PAID;
    }
}
