package io.wrench.query.workorder;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

@Entity
@Table(name = "work_order_labour_view")
class WorkOrderLabourEntity {

    @Id
    UUID id;
    @Column(name = "work_order_id")
    UUID workOrderId;
    long position;
    String description;
    BigDecimal hours;
    @Column(name = "hourly_rate")
    BigDecimal hourlyRate;
    BigDecimal amount;

    protected WorkOrderLabourEntity() {
    }

    WorkOrderLabourEntity(UUID id, UUID workOrderId, long position, String description, BigDecimal hours,
                          BigDecimal hourlyRate) {
        this.id = id;
        this.workOrderId = workOrderId;
        this.position = position;
        this.description = description;
        this.hours = hours;
        this.hourlyRate = hourlyRate;
        this.amount = Amounts.line(hours, hourlyRate);
    }
}
