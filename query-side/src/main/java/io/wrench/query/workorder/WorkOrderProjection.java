package io.wrench.query.workorder;

import io.wrench.query.PageView;
import io.wrench.query.Decimals;
import io.wrench.query.SearchText;
import io.wrench.query.Sorting;
import io.wrench.query.workorder.api.FindWorkOrder;
import io.wrench.query.workorder.api.FindWorkOrders;
import io.wrench.query.workorder.api.WorkOrderDetails;
import io.wrench.query.workorder.api.WorkOrderSummary;
import io.wrench.shared.customer.AssetId;
import io.wrench.shared.customer.AssetRegistered;
import io.wrench.shared.customer.CustomerContactDetailsUpdated;
import io.wrench.shared.customer.CustomerId;
import io.wrench.shared.customer.CustomerRegistered;
import io.wrench.shared.inventory.StockItemId;
import io.wrench.shared.workorder.*;
import io.wrench.query.QueryProcessing;
import io.wrench.shared.InStoredOrder;
import org.axonframework.config.ProcessingGroup;
import org.springframework.context.annotation.Bean;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import static io.wrench.shared.Money.ZERO;

/**
 * The work-order list and detail, and the customer names and assets they show. Every work-order
 * handler skips an event the row has already seen (its sequence number is not above the row's
 * version), so a redelivered event changes nothing; a row's version is therefore the aggregate's.
 * <p>
 * The group runs its events one at a time in stored order (a sequential policy, see AxonConfig): a
 * customer's rename and the opening of their work order are events of different aggregates, and the
 * name must land on every work order whichever comes first.
 */
@Component
@ProcessingGroup(WorkOrderProjection.NAME)
class WorkOrderProjection {

    static final String NAME = "work-order-projection";

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

    WorkOrderProjection(WorkOrderRepository workOrders, WorkOrderLabourRepository labour,
                        WorkOrderPartRepository parts, WorkOrderInspectionRepository inspections,
                        WorkOrderPaymentRepository payments, WorkOrderScanRepository scans,
                        WorkOrderCustomerRepository customers, WorkOrderAssetRepository assets) {
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
        if (!customers.existsById(event.customerId().value())) {
            customers.save(new WorkOrderCustomerEntity(event.customerId().value(), event.name(), sequence));
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
        if (assets.existsById(event.assetId().value())) {
            return;
        }
        WorkOrderAssetEntity asset = new WorkOrderAssetEntity();
        asset.id = event.assetId().value();
        asset.customerId = event.customerId().value();
        asset.kind = event.kind();
        asset.make = event.make();
        asset.model = event.model();
        asset.year = event.year();
        asset.vin = event.vin();
        asset.serialNumber = event.serialNumber();
        asset.licensePlate = event.licensePlate();
        assets.save(asset);
    }

    // --- work orders

    @EventHandler
    void on(WorkOrderOpened event, @SequenceNumber long sequence, @Timestamp Instant at) {
        UUID id = event.workOrderId().value();
        if (workOrders.existsById(id)) {
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
        workOrders.save(w);
    }

    @EventHandler
    void on(LabourLineAdded event, @SequenceNumber long sequence) {
        update(event.workOrderId(), sequence, w -> {
            WorkOrderLabourEntity line = labour.save(WorkOrderLabourEntity.from(event, sequence));
            w.addToLines(line.amount, ZERO);
        });
    }

    @EventHandler
    void on(PartLineAdded event, @SequenceNumber long sequence) {
        update(event.workOrderId(), sequence, w -> {
            WorkOrderPartEntity line = parts.save(WorkOrderPartEntity.from(event, sequence));
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
        update(event.workOrderId(), sequence, w -> w.technician = event.technician());
    }

    @EventHandler
    void on(WorkStarted event, @SequenceNumber long sequence) {
        update(event.workOrderId(), sequence, w -> w.status(WorkOrderStatus.IN_PROGRESS));
    }

    @EventHandler
    void on(WorkPutOnHold event, @SequenceNumber long sequence) {
        update(event.workOrderId(), sequence, w -> w.status(WorkOrderStatus.ON_HOLD));
    }

    @EventHandler
    void on(WorkResumed event, @SequenceNumber long sequence) {
        update(event.workOrderId(), sequence, w -> w.status(WorkOrderStatus.IN_PROGRESS));
    }

    @EventHandler
    void on(ProgressScanned event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.workOrderId(), sequence, w -> scans.save(new WorkOrderScanEntity(scanId(event, sequence), w.id,
                sequence, event.stage(), event.note(), event.technician(), at)));
    }

    @EventHandler
    void on(InspectionRecorded event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.workOrderId(), sequence, w -> inspections.save(new WorkOrderInspectionEntity(event.inspectionId(),
                w.id, sequence, event.result(), event.notes(), event.inspector(), at)));
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
            payments.save(new WorkOrderPaymentEntity(event.paymentId(), w.id, sequence, event.amount(), event.method(),
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
        scans.deleteAllInBulk();
        payments.deleteAllInBulk();
        inspections.deleteAllInBulk();
        parts.deleteAllInBulk();
        labour.deleteAllInBulk();
        workOrders.deleteAllInBulk();
        assets.deleteAllInBulk();
        customers.deleteAllInBulk();
    }

    // --- queries

    /** Declared raw: Axon matches a query's response type against the raw class. */
    @QueryHandler
    @Transactional(readOnly = true)
    @SuppressWarnings("rawtypes")
    PageView handle(FindWorkOrders query) {
        String technician = query.technician() == null || query.technician().isBlank() ? null : query.technician().trim();
        Specification<WorkOrderEntity> spec = SearchText.<WorkOrderEntity>contains(query.search())
                .and(anyOf("status", query.status()))
                .and(equalTo("customerId", query.customerId() == null ? null : query.customerId().value()))
                .and(equalTo("technician", technician))
                .and(anyOf("priority", query.priority()))
                .and(equalTo("overdue", query.overdue()));
        if (query.dueFrom() != null) {
            spec = spec.and((root, q, cb) -> cb.greaterThanOrEqualTo(root.<LocalDate>get("dueDate"), query.dueFrom()));
        }
        if (query.dueTo() != null) {
            spec = spec.and((root, q, cb) -> cb.lessThanOrEqualTo(root.<LocalDate>get("dueDate"), query.dueTo()));
        }
        var page = workOrders.findAll(spec, Sorting.pageable(query.page(), FindWorkOrders.SORTABLE, "number", "id"))
                .map(w -> new WorkOrderSummary(new WorkOrderId(w.id), w.number, w.status, new CustomerId(w.customerId),
                        w.customerName, w.assetId == null ? null : new AssetId(w.assetId), w.priority, w.technician,
                        w.dueDate, w.overdue, Decimals.money(w.total), w.openedAt));
        return PageView.of(page);
    }

    /** A filter that is left out (matches everything) when no value is given. */
    private static Specification<WorkOrderEntity> anyOf(String attribute, Collection<?> values) {
        return (root, q, cb) -> values.isEmpty() ? cb.conjunction() : root.get(attribute).in(values);
    }

    /** A filter that is left out (matches everything) when its value is null. */
    private static Specification<WorkOrderEntity> equalTo(String attribute, Object value) {
        return (root, q, cb) -> value == null ? cb.conjunction() : cb.equal(root.get(attribute), value);
    }

    @QueryHandler
    @Transactional(readOnly = true)
    Optional<WorkOrderDetails> handle(FindWorkOrder query) {
        return workOrders.findById(query.workOrderId().value()).map(this::details);
    }

    private WorkOrderDetails details(WorkOrderEntity w) {
        WorkOrderDetails.Asset asset = w.assetId == null ? null : assets.findById(w.assetId)
                .map(a -> new WorkOrderDetails.Asset(new AssetId(a.id), a.kind, a.make, a.model, a.year, a.vin,
                        a.serialNumber, a.licensePlate))
                .orElse(new WorkOrderDetails.Asset(new AssetId(w.assetId), null, null, null, null, null, null, null));
        return new WorkOrderDetails(new WorkOrderId(w.id), w.number, w.status, w.version,
                new WorkOrderDetails.Customer(new CustomerId(w.customerId), w.customerName), asset, w.description,
                w.priority, w.dueDate, w.overdue, w.technician, w.approvedBy, Decimals.money(w.approvedTotal),
                labour.findByWorkOrderIdOrderByPositionAsc(w.id).stream()
                        .map(l -> new WorkOrderDetails.LabourLine(new LineId(l.id), l.description,
                                Decimals.quantity(l.hours), Decimals.money(l.hourlyRate), Decimals.money(l.amount)))
                        .toList(),
                parts.findByWorkOrderIdOrderByPositionAsc(w.id).stream()
                        .map(p -> new WorkOrderDetails.PartLine(new LineId(p.id), new StockItemId(p.itemId), p.sku,
                                p.name, Decimals.quantity(p.quantity), Decimals.money(p.unitPrice), Decimals.money(p.amount),
                                p.status))
                        .toList(),
                inspections.findByWorkOrderIdOrderByPositionAsc(w.id).stream()
                        .map(i -> new WorkOrderDetails.Inspection(i.id, i.result, i.notes, i.inspector, i.recordedAt))
                        .toList(),
                payments.findByWorkOrderIdOrderByPositionAsc(w.id).stream()
                        .map(p -> new WorkOrderDetails.Payment(p.id, Decimals.money(p.amount), p.method,
                                Decimals.money(p.balance), p.paidAt))
                        .toList(),
                totals(w),
                scans.findByWorkOrderIdOrderByPositionAsc(w.id).stream()
                        .map(s -> new WorkOrderDetails.Scan(s.id, s.stage, s.note, s.technician, s.scannedAt))
                        .toList(),
                w.openedAt, w.completedAt);
    }

    private static WorkOrderDetails.Totals totals(WorkOrderEntity w) {
        BigDecimal taxRate = w.taxRate == null ? null : Decimals.quantity(w.taxRate);
        return new WorkOrderDetails.Totals(Decimals.money(w.labour), Decimals.money(w.parts), taxRate,
                Decimals.money(w.tax), Decimals.money(w.total), Decimals.money(w.paid), Decimals.money(w.balance));
    }
}
