package io.wrench.query.workorder;

import io.wrench.shared.Money;
import io.wrench.shared.workorder.Priority;
import io.wrench.shared.workorder.WorkOrderStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

@Entity
@Table(name = "work_order_view")
class WorkOrderEntity {

    /** The statuses in which a work order is still being worked on (and can become overdue). */

    @Id
    UUID id;
    String number;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    WorkOrderStatus status;
    UUID customerId;
    String customerName;
    UUID assetId;
    String description;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    Priority priority;
    int priorityRank;
    String technician;
    String technicianName;
    LocalDate dueDate;
    boolean overdue;
    String approvedBy;
    BigDecimal approvedTotal;
    BigDecimal labour = Money.ZERO;
    BigDecimal parts = Money.ZERO;
    BigDecimal taxRate;
    BigDecimal tax = Money.ZERO;
    BigDecimal total = Money.ZERO;
    BigDecimal paid = Money.ZERO;
    BigDecimal balance = Money.ZERO;
    Instant openedAt;
    Instant completedAt;
    /** The appointment whose check-in opened it, if any. */
    UUID appointmentId;
    long version;
    String searchText;

    protected WorkOrderEntity() {
    }

    WorkOrderEntity(UUID id, String number, String description, Priority priority) {
        this.id = id;
        this.number = number;
        this.description = description;
        this.priority = priority;
        this.priorityRank = priority.ordinal();
        customer(null);
    }

    /** The customer's name, as shown and as searched. */
    void customer(String name) {
        this.customerName = name;
        this.searchText = Stream.of(number, description, name).filter(Objects::nonNull)
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.joining(" "));
    }

    boolean isInvoiced() {
        return taxRate != null;
    }

    /** Labour and parts move with the lines until the invoice fixes every figure. */
    void addToLines(BigDecimal labourDelta, BigDecimal partsDelta) {
        if (isInvoiced()) {
            return;
        }
        labour = labour.add(labourDelta);
        parts = parts.add(partsDelta);
        total = labour.add(parts).add(tax);
        balance = total.subtract(paid);
    }

    void invoiced(BigDecimal labour, BigDecimal parts, BigDecimal taxRate, BigDecimal tax, BigDecimal total) {
        this.labour = labour;
        this.parts = parts;
        this.taxRate = taxRate;
        this.tax = tax;
        this.total = total;
        this.balance = total.subtract(paid);
        this.status = WorkOrderStatus.INVOICED;
    }

    void paid(BigDecimal amount, BigDecimal balanceAfter) {
        this.paid = paid.add(amount);
        this.balance = balanceAfter;
    }

    /** Overdue means past due and still being worked on: finishing or cancelling ends it. */
    void status(WorkOrderStatus status) {
        this.status = status;
        if (!status.isOutstanding()) {
            overdue = false;
        }
    }
}
