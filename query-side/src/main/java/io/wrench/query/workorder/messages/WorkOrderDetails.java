package io.wrench.query.workorder.messages;

import io.wrench.shared.customer.AssetId;
import io.wrench.shared.customer.AssetKind;
import io.wrench.shared.customer.CustomerId;
import io.wrench.shared.inventory.StockItemId;
import io.wrench.shared.workorder.InspectionResult;
import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.PartLineStatus;
import io.wrench.shared.workorder.PaymentMethod;
import io.wrench.shared.workorder.Priority;
import io.wrench.shared.workorder.WorkOrderId;
import io.wrench.shared.workorder.WorkOrderStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A work order as the detail shows it. {@code version} is the aggregate's version (ETag, If-Match).
 * {@code asset} is null when the work order names none. Removed lines are not listed; {@code jobs}
 * lists the catalogue entries applied (their lines' ids, removed ones included); {@code appointmentId}
 * is the appointment whose check-in opened it (null for a work order opened directly).
 */
public record WorkOrderDetails(WorkOrderId id, String number, WorkOrderStatus status, long version, Customer customer,
                               Asset asset, String description, Priority priority, LocalDate dueDate, boolean overdue,
                               String technician, String technicianName, String approvedBy, BigDecimal approvedTotal,
                               List<LabourLine> labourLines, List<PartLine> partLines,
                               List<Inspection> inspections, List<Payment> payments, Totals totals,
                               List<Scan> scans, Instant openedAt, Instant completedAt, List<AppliedJob> jobs,
                               io.wrench.shared.appointment.AppointmentId appointmentId) {

    /** A catalogue entry applied to the work order: the revision it applied and the lines it added. */
    public record AppliedJob(UUID id, String serviceCode, int revision, String name, List<LineId> lineIds) {
    }

    public record Customer(CustomerId id, String name) {
    }

    public record Asset(AssetId id, AssetKind kind, String make, String model, Integer year, String vin,
                        String serialNumber, String licensePlate) {
    }

    public record LabourLine(LineId id, String description, BigDecimal hours, BigDecimal hourlyRate,
                             BigDecimal amount) {
    }

    /** {@code status} is PENDING until inventory has answered the reservation request. */
    public record PartLine(LineId id, StockItemId itemId, String sku, String name, BigDecimal quantity,
                           BigDecimal unitPrice, BigDecimal amount, PartLineStatus status) {
    }

    public record Inspection(UUID id, InspectionResult result, String notes, String inspector, String inspectorName,
                             Instant at) {
    }

    public record Payment(UUID id, BigDecimal amount, PaymentMethod method, BigDecimal balance, Instant at) {
    }

    public record Scan(UUID id, String stage, String note, String technician, String technicianName, Instant at) {
    }

    /**
     * Before invoicing: labour and parts of the current lines (released part lines not charged),
     * tax 0.00, {@code taxRate} null. From invoicing on: the invoiced figures. {@code balance} is
     * total − paid.
     */
    public record Totals(BigDecimal labour, BigDecimal parts, BigDecimal taxRate, BigDecimal tax, BigDecimal total,
                         BigDecimal paid, BigDecimal balance) {
    }
}
