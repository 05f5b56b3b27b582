package io.wrench.command.workorder;

import io.wrench.command.technician.TechnicianDirectory;
import io.wrench.shared.Money;
import org.axonframework.spring.stereotype.Aggregate;
import io.wrench.command.workorder.messages.*;
import io.wrench.shared.workorder.*;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.ForwardMatchingInstances;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static io.wrench.command.workorder.WorkOrderRuleViolation.INPUT;
import static io.wrench.command.workorder.Lifecycle.Action.*;
import static io.wrench.shared.ErrorCode.*;
import static io.wrench.shared.workorder.WorkOrderStatus.*;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A work order from opening to payment. Public only so the application can register it with Axon;
 * the lookups arrive as handler parameters (Spring beans at runtime), the clock with the commands.
 */
@Aggregate(cache = "aggregateCache")
public class WorkOrder {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    @AggregateIdentifier
    private WorkOrderId id;
    private WorkOrderStatus status;
    private LocalDate dueDate;
    private String technician;
    private InspectionResult latestInspection;
    private boolean overdue;
    private BigDecimal balance;
    private final Set<UUID> inspections = new HashSet<>();
    private final Set<UUID> attachments = new HashSet<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final List<LabourLine> labourLines = new ArrayList<>();
    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final List<PartLine> partLines = new ArrayList<>();

    protected WorkOrder() {
    }

    @CommandHandler
    WorkOrder(OpenWorkOrder command, CustomerEligibility customers, WorkOrderNumbers numbers,
              DeadlineManager deadlines) {
        INPUT.required("customerId", command.customerId());
        INPUT.text("description", command.description());
        LocalDate openedOn = INPUT.required("openedOn", command.openedOn());
        if (command.dueDate() != null && command.dueDate().isBefore(openedOn)) {
            throw INPUT.invalid("dueDate " + command.dueDate() + " is before the opening date " + openedOn);
        }
        customers.check(command.customerId(), command.assetId());
        Priority priority = Objects.requireNonNullElse(command.priority(), Priority.NORMAL);
        apply(new WorkOrderOpened(command.workOrderId(), numbers.next(openedOn.getYear()), command.customerId(),
                command.assetId(), command.description(), priority, command.dueDate()));
        OverdueDeadline.schedule(deadlines, command.dueDate());
    }

    @CommandHandler
    void handle(AddLabourLine command) {
        Lifecycle.check(ADD_LINE, status);
        requireNewLine(command.lineId());
        String description = INPUT.text("description", command.description());
        BigDecimal hours = INPUT.positive("hours", command.hours());
        BigDecimal hourlyRate = INPUT.notNegative("hourlyRate", command.hourlyRate());
        apply(new LabourLineAdded(id, command.lineId(), description, hours, hourlyRate, Money.line(hours, hourlyRate)));
    }

    @CommandHandler
    void handle(AddPartLine command, PartCatalog catalog, PricingPolicy pricing) {
        Lifecycle.check(ADD_LINE, status);
        requireNewLine(command.lineId());
        apply(PartLineRequest.decide(id, command, catalog, pricing));
    }

    /** A catalogue entry's lines, all or none, with the revision that was applied (JobLines). */
    @CommandHandler
    JobLinesAdded handle(ApplyJob command, JobCatalog jobs, PartCatalog catalog, PricingPolicy pricing) {
        Lifecycle.check(ADD_LINE, status);
        List<Object> events = JobLines.decide(id, command.jobId(), command.serviceCode(), jobs, catalog, pricing);
        JobApplied applied = (JobApplied) events.get(0);
        applied.lineIds().forEach(this::requireNewLine);
        events.forEach(event -> apply(event));
        return new JobLinesAdded(applied.lineIds(), null);
    }

    /**
     * Right after opening, for a checked-in appointment ({@link AppointmentCheckIn}): the link to it, then
     * its jobs, each as {@link ApplyJob} would add it (job ids derived from the appointment's).
     */
    void openedFor(io.wrench.shared.appointment.AppointmentId appointment, List<String> codes, JobCatalog jobs,
                   PartCatalog catalog, PricingPolicy pricing) {
        apply(new WorkOrderOpenedForAppointment(id, appointment));
        for (int i = 0; i < codes.size(); i++) {
            java.util.UUID jobId = java.util.UUID.nameUUIDFromBytes((appointment + "/job/" + i)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            handle(new ApplyJob(id, jobId, codes.get(i), null), jobs, catalog, pricing);
        }
    }

    @CommandHandler
    void handle(RemoveLine command) {
        Lifecycle.check(REMOVE_LINE, status);
        boolean onThisWorkOrder = labourLines.stream().anyMatch(line -> line.lineId().equals(command.lineId()))
                || partLines.stream().anyMatch(line -> line.lineId().equals(command.lineId()) && !line.isRemoved());
        if (!onThisWorkOrder) {
            throw new WorkOrderRuleViolation(LINE_NOT_FOUND, "no line " + command.lineId() + " on this work order");
        }
        apply(new LineRemoved(id, command.lineId()));
    }

    @CommandHandler
    void handle(ApproveWorkOrder command) {
        Lifecycle.check(APPROVE, status);
        apply(new WorkOrderApproved(id, INPUT.text("approvedBy", command.approvedBy()),
                Totals.of(labourLines, partLines).net()));
    }

    /** Only a registered, active technician of the directory, by user id (their JWT subject). */
    @CommandHandler
    void handle(AssignTechnician command, TechnicianDirectory directory) {
        Lifecycle.check(ASSIGN, status);
        TechnicianDirectory.Entry assigned = directory.assignable(INPUT.text("technician", command.technician()));
        apply(new TechnicianAssigned(id, assigned.userId(), assigned.displayName()));
    }

    @CommandHandler
    void handle(StartWork command) {
        Lifecycle.check(START, status);
        if (technician == null) {
            throw new WorkOrderRuleViolation(TECHNICIAN_REQUIRED, "cannot start: no technician assigned");
        }
        apply(new WorkStarted(id, command.startedBy()));
    }

    @CommandHandler
    void handle(HoldWork command) {
        Lifecycle.check(HOLD, status);
        apply(new WorkPutOnHold(id, command.reason()));
    }

    @CommandHandler
    void handle(ResumeWork command) {
        Lifecycle.check(RESUME, status);
        apply(new WorkResumed(id));
    }

    @CommandHandler
    void handle(RecordScan command) {
        Lifecycle.check(SCAN, status);
        apply(new ProgressScanned(id, INPUT.required("scanId", command.scanId()), INPUT.text("stage", command.stage()),
                command.note(), command.technician()));
    }

    @CommandHandler
    void handle(RecordInspection command) {
        Lifecycle.check(INSPECT, status);
        apply(new InspectionRecorded(id, INPUT.required("inspectionId", command.inspectionId()),
                INPUT.required("result", command.result()), command.notes(), command.inspector()));
    }

    @CommandHandler
    void handle(CompleteWorkOrder command, DeadlineManager deadlines) {
        Lifecycle.check(COMPLETE, status);
        CompletionPolicy.check(latestInspection, partLines);
        apply(new WorkOrderCompleted(id));
        OverdueDeadline.cancel(deadlines);
    }

    /** A work order that costs nothing is settled by its invoice: it becomes PAID at once. */
    @CommandHandler
    void handle(InvoiceWorkOrder command) {
        Lifecycle.check(INVOICE, status);
        WorkOrderInvoiced invoice = Totals.of(labourLines, partLines)
                .invoice(id, INPUT.notNegative("taxRate", command.taxRate()));
        apply(invoice);
        if (invoice.total().signum() == 0) {
            apply(new WorkOrderPaid(id));
        }
    }

    @CommandHandler
    void handle(RecordPayment command) {
        Lifecycle.check(PAY, status);
        BigDecimal amount = INPUT.cents("amount", INPUT.positive("amount", command.amount()));
        BigDecimal remaining = PaymentPolicy.balanceAfter(amount, balance);
        apply(new PaymentRecorded(id, INPUT.required("paymentId", command.paymentId()), amount,
                INPUT.required("method", command.method()), remaining));
        if (PaymentPolicy.isSettled(remaining)) {
            apply(new WorkOrderPaid(id));
        }
    }

    @CommandHandler
    void handle(CancelWorkOrder command, DeadlineManager deadlines) {
        Lifecycle.check(CANCEL, status);
        apply(new WorkOrderCancelled(id, command.reason()));
        OverdueDeadline.cancel(deadlines);
    }

    /** Photos and documents may be attached in every state: damage before the work, the result after it. */
    @CommandHandler
    void handle(AddAttachment command) {
        UUID attachmentId = INPUT.required("attachmentId", command.attachmentId());
        if (attachments.contains(attachmentId)) {
            throw INPUT.invalid("attachment " + attachmentId + " already exists on this work order");
        }
        if (command.inspectionId() != null && !inspections.contains(command.inspectionId())) {
            throw new WorkOrderRuleViolation(INSPECTION_NOT_FOUND, "no inspection " + command.inspectionId()
                    + " on this work order");
        }
        if (command.sha256() == null || !SHA256_HEX.matcher(command.sha256()).matches()) {
            throw INPUT.invalid("sha256 must be 64 lower-case hex digits");
        }
        apply(new AttachmentAdded(id, attachmentId, command.inspectionId(), INPUT.text("name", command.name()),
                INPUT.text("contentType", command.contentType()), INPUT.notNegative("size", command.size()),
                command.sha256(), INPUT.optionalText("caption", command.caption()), command.addedBy()));
    }

    @CommandHandler
    void handle(RemoveAttachment command) {
        if (!attachments.contains(command.attachmentId())) {
            throw new WorkOrderRuleViolation(ATTACHMENT_NOT_FOUND, "no attachment " + command.attachmentId()
                    + " on this work order");
        }
        apply(new AttachmentRemoved(id, command.attachmentId(), command.removedBy()));
    }

    @CommandHandler
    void handle(MarkPartLineReserved command) {
        record(command.lineId(), PartLineStatus.RESERVED, new PartLineReserved(id, command.lineId()));
    }

    @CommandHandler
    void handle(MarkPartLineBackordered command) {
        record(command.lineId(), PartLineStatus.BACKORDERED, new PartLineBackordered(id, command.lineId()));
    }

    @CommandHandler
    void handle(MarkPartLineReleased command) {
        record(command.lineId(), PartLineStatus.RELEASED, new PartLineReleased(id, command.lineId()));
    }

    @CommandHandler
    void handle(MarkPartLineIssued command) {
        record(command.lineId(), PartLineStatus.ISSUED, new PartLineIssued(id, command.lineId()));
    }

    @DeadlineHandler(deadlineName = OverdueDeadline.NAME)
    void becomeOverdue() {
        if (!overdue && Lifecycle.allows(BECOME_OVERDUE, status)) {
            apply(new WorkOrderBecameOverdue(id, dueDate));
        }
    }

    /**
     * Inventory's answers are facts from the parts process: never refused (a refusal would make the
     * process retry forever), recorded only when they change the line.
     */
    private void record(LineId lineId, PartLineStatus answer, Object event) {
        boolean canUseStock = Lifecycle.allows(RECORD_RESERVATION, status);
        partLines.stream()
                .filter(line -> line.lineId().equals(lineId) && line.takes(answer, canUseStock))
                .findFirst()
                .ifPresent(line -> apply(event));
    }

    private void requireNewLine(LineId lineId) {
        INPUT.required("lineId", lineId);
        if (labourLines.stream().anyMatch(line -> line.lineId().equals(lineId))
                || partLines.stream().anyMatch(line -> line.lineId().equals(lineId))) {
            throw INPUT.invalid("line " + lineId + " already exists on this work order");
        }
    }

    @EventSourcingHandler
    void on(WorkOrderOpened event) {
        id = event.workOrderId();
        status = OPEN;
        dueDate = event.dueDate();
    }

    @EventSourcingHandler
    void on(LabourLineAdded event) {
        labourLines.add(new LabourLine(event.lineId(), event.amount()));
    }

    @EventSourcingHandler
    void on(PartLineAdded event) {
        partLines.add(new PartLine(event.lineId(), event.quantity(), event.amount()));
    }

    /** A removed part line stays, flagged by itself, until inventory has released it. */
    @EventSourcingHandler
    void on(LineRemoved event) {
        labourLines.removeIf(line -> line.lineId().equals(event.lineId()));
    }

    @EventSourcingHandler
    void on(WorkOrderInvoiced event) {
        status = INVOICED;
        balance = event.total();
    }

    @EventSourcingHandler void on(TechnicianAssigned event) { technician = event.technician(); }
    @EventSourcingHandler
    void on(InspectionRecorded event) {
        latestInspection = event.result();
        inspections.add(event.inspectionId());
    }

    @EventSourcingHandler void on(AttachmentAdded event) { attachments.add(event.attachmentId()); }
    @EventSourcingHandler void on(AttachmentRemoved event) { attachments.remove(event.attachmentId()); }
    @EventSourcingHandler void on(PaymentRecorded event) { balance = event.balance(); }
    @EventSourcingHandler void on(WorkOrderBecameOverdue event) { overdue = true; }
    @EventSourcingHandler void on(WorkOrderApproved event) { status = APPROVED; }
    @EventSourcingHandler void on(WorkStarted event) { status = IN_PROGRESS; }
    @EventSourcingHandler void on(WorkPutOnHold event) { status = ON_HOLD; }
    @EventSourcingHandler void on(WorkResumed event) { status = IN_PROGRESS; }
    @EventSourcingHandler void on(WorkOrderCompleted event) { status = COMPLETED; }
    @EventSourcingHandler void on(WorkOrderPaid event) { status = PAID; }
    @EventSourcingHandler void on(WorkOrderCancelled event) { status = CANCELLED; }
}
