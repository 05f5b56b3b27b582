package io.wrench.query.workorder;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A customer's name as this group last saw it; {@code version} is the customer aggregate's. */
@Entity
@Table(name = "work_order_customer_view")
class WorkOrderCustomerEntity {

    @Id
    UUID id;
    String name;
    long version;

    protected WorkOrderCustomerEntity() {
    }

    WorkOrderCustomerEntity(UUID id, String name, long version) {
        this.id = id;
        this.name = name;
        this.version = version;
    }
}
