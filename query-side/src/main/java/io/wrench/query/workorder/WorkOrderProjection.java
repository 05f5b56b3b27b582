package io.wrench.query.workorder;

import io.wrench.query.workorder.messages.WorkOrderViews;
import io.wrench.shared.ViewTables;
import io.wrench.shared.DeadLettered;
import io.wrench.shared.workorder.*;
import io.wrench.shared.customer.AssetRegistered;
import io.wrench.shared.customer.CustomerContactDetailsUpdated;
import io.wrench.shared.customer.CustomerRegistered;
import io.wrench.query.QueryProcessing;
import io.wrench.shared.InStoredOrder;
import io.wrench.shared.technician.TechnicianRegistered;
import io.wrench.shared.technician.TechnicianRenamed;
import org.axonframework.config.ProcessingGroup;
import org.springframework.context.annotation.Bean;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.stereotype.Component;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import static io.wrench.shared.Money.ZERO;

/**
 * Keeps the work-order list and detail tables, and the customer names and assets they show
 * ({@link WorkOrderQueries} reads them). Every work-order
 * handler skips an event the row has already seen (its sequence number is not above the row's
 * version), so a redelivered event changes nothing; a row's version is therefore the aggregate's.
 * <p>
 * The group runs its events one at a time in stored order (one segment, {@link #workOrderProjectionInStoredOrder}): a
 * customer's rename and the opening of their work order are events of different aggregates, and the
 * name must land on every work order whichever comes first.
 */
@Component
@ProcessingGroup(WorkOrderProjection.NAME)
class WorkOrderProjection {

    static final String NAME = WorkOrderViews.PROCESSOR;
    /** The metadata key of the caller's readable name (the api's RequestMetadata writes it). */
    static final String USER_NAME = "userName";


    /** The tables a rebuild copies beside the live ones (blue/green), then swaps in. */

    @Bean

    static ViewTables workOrderProjectionViewTables() {

        return ViewTables.of(NAME, "work_order_view", "work_order_labour_view", "work_order_part_view", "work_order_inspection_view", "work_order_payment_view", "work_order_scan_view", "work_order_customer_view", "work_order_asset_view", "work_order_job_view",
                "work_order_technician_view");

    }

    /** A failing event is parked with its sequence, the rest of the view goes on. */
    @Bean
    static DeadLettered workOrderProjectionDeadLettered() {
        return new DeadLettered(NAME);
    }

    /**
     * Rows are changed by events of more than one aggregate, so no two threads may handle events of
     * this view and a later event may never overtake an earlier one: one segment, stored order.
     */
    @Bean
    static InStoredOrder workOrderProjectionInStoredOrder() {
        return new InStoredOrder(NAME, QueryProcessing.BATCH_SIZE,
                "a work order row takes the customer name and the part lines' stock answers from other aggregates");
    }

    private final WorkOrderRepository workOrders;
    private final WorkOrderLabourRepository labour;
    private final WorkOrderPartRepository parts;
    private final WorkOrderInspectionRepository inspections;
    private final WorkOrderPaymentRepository payments;
    private final WorkOrderScanRepository scans;
    private final WorkOrderCustomerRepository customers;
    private final WorkOrderAssetRepository assets;
    private final WorkOrderJobRepository jobs;
    private final WorkOrderTechnicianRepository technicianNames;

    WorkOrderProjection(WorkOrderRepository workOrders, WorkOrderLabourRepository labour,
                        WorkOrderPartRepository parts, WorkOrderInspectionRepository inspections,
                        WorkOrderPaymentRepository payments, WorkOrderScanRepository scans,
                        WorkOrderCustomerRepository customers, WorkOrderAssetRepository assets,
                        WorkOrderJobRepository jobs, WorkOrderTechnicianRepository technicianNames) {
        this.jobs = jobs;
        this.technicianNames = technicianNames;
        this.workOrders = workOrders;
        this.labour = labour;
        this.parts = parts;
        this.inspections = inspections;
        this.payments = payments;
        this.scans = scans;
        this.customers = customers;
        this.assets = assets;
    }

    // --- customers and assets, as far as work orders show them

    @EventHandler
    void on(CustomerRegistered event, @SequenceNumber long sequence) {
        if (customers.findById(event.customerId().value()).isEmpty()) {
            customers.insert(new WorkOrderCustomerEntity(event.customerId().value(), event.name(), sequence));
        }
    }

    @EventHandler
    void on(CustomerContactDetailsUpdated event, @SequenceNumber long sequence) {
        customers.findById(event.customerId().value()).filter(c -> sequence > c.version).ifPresent(c -> {
            c.version = sequence;
            if (!Objects.equals(c.name, event.name())) {
                c.name = event.name();
                workOrders.findByCustomerId(c.id).forEach(w -> w.customer(event.name()));
            }
        });
    }

    @EventHandler
    void on(AssetRegistered event) {
        if (assets.findById(event.assetId().value()).isPresent()) {
            return;
        }
        assets.insert(WorkOrderAssetEntity.from(event));
    }

    // --- technicians, as far as work orders show them (a rename reaches every work order of theirs)

    @EventHandler
    void on(TechnicianRegistered event) {
        technicianName(event.userId(), event.displayName());
    }

    @EventHandler
    void on(TechnicianRenamed event) {
        technicianName(event.userId(), event.displayName());
    }

    private void technicianName(String userId, String name) {
        technicianNames.save(new WorkOrderTechnicianEntity(userId, name));
        workOrders.findByTechnician(userId).forEach(w -> w.technicianName = name);
    }

    // --- work orders

    @EventHandler
    void on(WorkOrderOpened event, @SequenceNumber long sequence, @Timestamp Instant at) {
        UUID id = event.workOrderId().value();
        if (workOrders.findById(id).isPresent()) {
            return;
        }
        WorkOrderEntity w = new WorkOrderEntity(id, event.number(), event.description(),
                Objects.requireNonNullElse(event.priority(), Priority.NORMAL));
        w.status = WorkOrderStatus.OPEN;
        w.customerId = event.customerId().value();
        w.customer(customers.findById(w.customerId).map(c -> c.name).orElse(null));
        w.assetId = event.assetId() == null ? null : event.assetId().value();
        w.dueDate = event.dueDate();
        w.openedAt = at;
        w.version = sequence;
        workOrders.insert(w);
    }

    @EventHandler
    void on(WorkOrderOpenedForAppointment event, @SequenceNumber long sequence) {
        update(event.workOrderId(), sequence, w -> w.appointmentId = event.appointmentId().value());
    }

    @EventHandler
    void on(JobApplied event, @SequenceNumber long sequence) {
        update(event.workOrderId(), sequence, w -> jobs.insert(WorkOrderJobEntity.from(event, sequence)));
    }

    @EventHandler
    void on(LabourLineAdded event, @SequenceNumber long sequence) {
        update(event.workOrderId(), sequence, w -> {
            WorkOrderLabourEntity line = labour.insert(WorkOrderLabourEntity.from(event, sequence));
            w.addToLines(line.amount, ZERO);
        });
    }

    @EventHandler
    void on(PartLineAdded event, @SequenceNumber long sequence) {
        update(event.workOrderId(), sequence, w -> {
            WorkOrderPartEntity line = parts.insert(WorkOrderPartEntity.from(event, sequence));
            w.addToLines(ZERO, line.amount);
        });
    }

    /** A removed line leaves the detail at once; a part line's release that follows finds nothing to change. */
    @EventHandler
    void on(LineRemoved event, @SequenceNumber long sequence) {
        update(event.workOrderId(), sequence, w -> {
            labour.findById(event.lineId().value()).ifPresent(line -> {
                w.addToLines(line.amount.negate(), ZERO);
                labour.delete(line);
            });
            parts.findById(event.lineId().value()).ifPresent(line -> {
                if (line.isCharged()) {
                    w.addToLines(ZERO, line.amount.negate());
                }
                parts.delete(line);
            });
        });
    }

    @EventHandler
    void on(PartLineReserved event, @SequenceNumber long sequence) {
        partStatus(event.workOrderId(), event.lineId(), sequence, PartLineStatus.RESERVED);
    }

    @EventHandler
    void on(PartLineBackordered event, @SequenceNumber long sequence) {
        partStatus(event.workOrderId(), event.lineId(), sequence, PartLineStatus.BACKORDERED);
    }

    @EventHandler
    void on(PartLineIssued event, @SequenceNumber long sequence) {
        partStatus(event.workOrderId(), event.lineId(), sequence, PartLineStatus.ISSUED);
    }

    @EventHandler
    void on(PartLineReleased event, @SequenceNumber long sequence) {
        update(event.workOrderId(), sequence, w -> parts.findById(event.lineId().value())
                .filter(WorkOrderPartEntity::isCharged)
                .ifPresent(line -> {
                    line.status = PartLineStatus.RELEASED;
                    w.addToLines(ZERO, line.amount.negate());
                }));
    }

    @EventHandler
    void on(WorkOrderApproved event, @SequenceNumber long sequence) {
        update(event.workOrderId(), sequence, w -> {
            w.status(WorkOrderStatus.APPROVED);
            w.approvedBy = event.approvedBy();
            w.approvedTotal = event.approvedTotal();
        });
    }

    @EventHandler
    void on(TechnicianAssigned event, @SequenceNumber long sequence) {
        update(event.workOrderId(), sequence, w -> {
            w.technician = event.technician();
            w.technicianName = technicianNames.findById(event.technician()).map(t -> t.name)
                    .orElse(event.technicianName());
        });
    }

    @EventHandler
    void on(WorkStarted event, @SequenceNumber long sequence) {
        update(event.workOrderId(), sequence, w -> w.status(WorkOrderStatus.IN_PROGRESS));
    }

    @EventHandler
    void on(WorkPutOnHold event, @SequenceNumber long sequence) {
        update(event.workOrderId(), sequence, w -> w.status(WorkOrderStatus.ON_HOLD));
    }

    /** Attachments are listed by attachment-projection; here they only move the version (the ETag). */
    @EventHandler
    void on(AttachmentAdded event, @SequenceNumber long sequence) {
        update(event.workOrderId(), sequence, w -> { });
    }

    @EventHandler
    void on(AttachmentRemoved event, @SequenceNumber long sequence) {
        update(event.workOrderId(), sequence, w -> { });
    }

    @EventHandler
    void on(WorkResumed event, @SequenceNumber long sequence) {
        update(event.workOrderId(), sequence, w -> w.status(WorkOrderStatus.IN_PROGRESS));
    }

    @EventHandler
    void on(ProgressScanned event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(USER_NAME) String userName) {
        update(event.workOrderId(), sequence, w -> scans.insert(new WorkOrderScanEntity(scanId(event, sequence), w.id,
                sequence, event.stage(), event.note(), event.technician(), nameOf(event.technician(), userName), at)));
    }

    /** The metadata's readable name of the caller the event names; the id itself when there is none. */
    private static String nameOf(String userId, String userName) {
        return userName != null ? userName : userId;
    }

    @EventHandler
    void on(InspectionRecorded event, @SequenceNumber long sequence, @Timestamp Instant at,
            @MetaDataValue(USER_NAME) String userName) {
        update(event.workOrderId(), sequence, w -> inspections.insert(new WorkOrderInspectionEntity(event.inspectionId(),
                w.id, sequence, event.result(), event.notes(), event.inspector(), nameOf(event.inspector(), userName), at)));
    }

    @EventHandler
    void on(WorkOrderCompleted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.workOrderId(), sequence, w -> {
            w.status(WorkOrderStatus.COMPLETED);
            w.completedAt = at;
        });
    }

    @EventHandler
    void on(WorkOrderInvoiced event, @SequenceNumber long sequence) {
        update(event.workOrderId(), sequence, w -> w.invoiced(event.labour(), event.parts(), event.taxRate(),
                event.tax(), event.total()));
    }

    @EventHandler
    void on(PaymentRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.workOrderId(), sequence, w -> {
            payments.insert(new WorkOrderPaymentEntity(event.paymentId(), w.id, sequence, event.amount(), event.method(),
                    event.balance(), at));
            w.paid(event.amount(), event.balance());
        });
    }

    @EventHandler
    void on(WorkOrderPaid event, @SequenceNumber long sequence) {
        update(event.workOrderId(), sequence, w -> w.status(WorkOrderStatus.PAID));
    }

    @EventHandler
    void on(WorkOrderCancelled event, @SequenceNumber long sequence) {
        update(event.workOrderId(), sequence, w -> w.status(WorkOrderStatus.CANCELLED));
    }

    @EventHandler
    void on(WorkOrderBecameOverdue event, @SequenceNumber long sequence) {
        update(event.workOrderId(), sequence, w -> w.overdue = w.status.isOutstanding());
    }

    private void partStatus(WorkOrderId workOrderId, LineId lineId, long sequence, PartLineStatus status) {
        update(workOrderId, sequence, w -> parts.findById(lineId.value()).ifPresent(line -> line.status = status));
    }

    private void update(WorkOrderId id, long sequence, Consumer<WorkOrderEntity> change) {
        workOrders.findById(id.value()).filter(w -> sequence > w.version).ifPresent(w -> {
            change.accept(w);
            w.version = sequence;
        });
    }

    /** A scan stored without an id (none should exist) gets one derived from its place in the history. */
    private static UUID scanId(ProgressScanned event, long sequence) {
        return event.scanId() != null ? event.scanId()
                : UUID.nameUUIDFromBytes((event.workOrderId() + "/" + sequence).getBytes(StandardCharsets.UTF_8));
    }

    @ResetHandler
    void reset() {
        jobs.deleteAllInBulk();
        scans.deleteAllInBulk();
        payments.deleteAllInBulk();
        inspections.deleteAllInBulk();
        parts.deleteAllInBulk();
        labour.deleteAllInBulk();
        workOrders.deleteAllInBulk();
        assets.deleteAllInBulk();
        customers.deleteAllInBulk();
        technicianNames.deleteAllInBulk();
    }
}
