package io.wrench.query.workorder;

import io.wrench.shared.workorder.PartLineStatus;
import jakarta.persistence.Column;
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
    @Column(name = "work_order_id")
    UUID workOrderId;
    long position;
    @Column(name = "item_id")
    UUID itemId;
    String sku;
    String name;
    BigDecimal quantity;
    @Column(name = "unit_price")
    BigDecimal unitPrice;
    BigDecimal amount;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    PartLineStatus status = PartLineStatus.PENDING;

    protected WorkOrderPartEntity() {
    }

    WorkOrderPartEntity(UUID id, UUID workOrderId, long position, UUID itemId, String sku, String name,
                        BigDecimal quantity, BigDecimal unitPrice) {
        this.id = id;
        this.workOrderId = workOrderId;
        this.position = position;
        this.itemId = itemId;
        this.sku = sku;
        this.name = name;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.amount = Amounts.line(quantity, unitPrice);
    }

    /** Released lines are given up: not on the bill. */
    boolean isCharged() {
        return status != PartLineStatus.RELEASED;
    }
}
