package io.wrench.query.workorder;

import io.wrench.shared.workorder.LabourLineAdded;
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
    UUID workOrderId;
    long position;
    String description;
    BigDecimal hours;
    BigDecimal hourlyRate;
    BigDecimal amount;

    protected WorkOrderLabourEntity() {
    }

    /** The line as its event added it: the amount is the one the work order computed. */
    static WorkOrderLabourEntity from(LabourLineAdded event, long position) {
        WorkOrderLabourEntity line = new WorkOrderLabourEntity();
        line.id = event.lineId().value();
        line.workOrderId = event.workOrderId().value();
        line.position = position;
        line.description = event.description();
        line.hours = event.hours();
        line.hourlyRate = event.hourlyRate();
        line.amount = event.amount();
        return line;
    }
}
