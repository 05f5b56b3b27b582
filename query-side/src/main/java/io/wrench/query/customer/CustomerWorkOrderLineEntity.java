package io.wrench.query.customer;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/** A charged line of a work order not yet invoiced: what to take off its total when the line goes. */
@Entity
@Table(name = "customer_work_order_line_view")
class CustomerWorkOrderLineEntity {

    @Id
    UUID id;
    UUID workOrderId;
    BigDecimal amount;

    protected CustomerWorkOrderLineEntity() {
    }

    CustomerWorkOrderLineEntity(UUID id, UUID workOrderId, BigDecimal amount) {
        this.id = id;
        this.workOrderId = workOrderId;
        this.amount = amount;
    }
}
