package io.wrench.query.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A customer's work order as the customer detail lists it (filled from work-order events). */
@Entity
@Table(name = "customer_work_order_view")
class CustomerWorkOrderEntity {

    @Id
    UUID id;
    @Column(name = "customer_id")
    UUID customerId;
    String number;
    String status;
    BigDecimal total;
    @Column(name = "opened_at")
    Instant openedAt;

    protected CustomerWorkOrderEntity() {
    }
}
