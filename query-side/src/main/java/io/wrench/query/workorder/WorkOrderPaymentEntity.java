package io.wrench.query.workorder;

import io.wrench.shared.workorder.PaymentMethod;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "work_order_payment_view")
class WorkOrderPaymentEntity {

    @Id
    UUID id;
    UUID workOrderId;
    long position;
    BigDecimal amount;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    PaymentMethod method;
    BigDecimal balance;
    Instant paidAt;

    protected WorkOrderPaymentEntity() {
    }

    WorkOrderPaymentEntity(UUID id, UUID workOrderId, long position, BigDecimal amount, PaymentMethod method,
                           BigDecimal balance, Instant paidAt) {
        this.id = id;
        this.workOrderId = workOrderId;
        this.position = position;
        this.amount = amount;
        this.method = method;
        this.balance = balance;
        this.paidAt = paidAt;
    }
}
