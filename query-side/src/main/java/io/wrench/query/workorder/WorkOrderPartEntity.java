package io.wrench.query.workorder;

import io.wrench.shared.workorder.PartLineAdded;
import io.wrench.shared.workorder.PartLineStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.util.UUID;

@Entity
@Table(name = "work_order_part_view")
class WorkOrderPartEntity {

    @Id
    UUID id;
    UUID workOrderId;
    long position;
    UUID itemId;
    String sku;
    String name;
    BigDecimal quantity;
    BigDecimal unitPrice;
    BigDecimal amount;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    PartLineStatus status = PartLineStatus.PENDING;

    protected WorkOrderPartEntity() {
    }

    /** The line as its event added it: the amount is the one the work order computed. */
    static WorkOrderPartEntity from(PartLineAdded event, long position) {
        WorkOrderPartEntity line = new WorkOrderPartEntity();
        line.id = event.lineId().value();
        line.workOrderId = event.workOrderId().value();
        line.position = position;
        line.itemId = event.itemId().value();
        line.sku = event.sku();
        line.name = event.name();
        line.quantity = event.quantity();
        line.unitPrice = event.unitPrice();
        line.amount = event.amount();
        return line;
    }

    /** Released lines are given up: not on the bill. */
    boolean isCharged() {
        return status != PartLineStatus.RELEASED;
    }
}
