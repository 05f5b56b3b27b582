package io.wrench.query.customer;

import io.wrench.query.customer.messages.CustomerViews;
import io.wrench.shared.ViewTables;
import io.wrench.shared.DeadLettered;
import io.wrench.shared.customer.AssetRegistered;
import io.wrench.shared.customer.CustomerArchived;
import io.wrench.shared.customer.CustomerContactDetailsUpdated;
import io.wrench.shared.customer.CustomerId;
import io.wrench.shared.customer.CustomerNotificationPreferencesChanged;
import io.wrench.shared.customer.CustomerRegistered;
import io.wrench.shared.customer.OdometerRecorded;
import io.wrench.shared.workorder.LabourLineAdded;
import io.wrench.shared.workorder.LineRemoved;
import io.wrench.shared.workorder.PartLineAdded;
import io.wrench.shared.workorder.PartLineReleased;
import io.wrench.shared.workorder.WorkOrderApproved;
import io.wrench.shared.workorder.WorkOrderCancelled;
import io.wrench.shared.workorder.WorkOrderCompleted;
import io.wrench.shared.workorder.WorkOrderId;
import io.wrench.shared.workorder.WorkOrderInvoiced;
import io.wrench.shared.workorder.WorkOrderOpened;
import io.wrench.shared.workorder.WorkOrderPaid;
import io.wrench.shared.workorder.WorkOrderStatus;
import io.wrench.shared.workorder.WorkPutOnHold;
import io.wrench.shared.workorder.WorkResumed;
import io.wrench.shared.workorder.WorkStarted;
import io.wrench.query.QueryProcessing;
import io.wrench.shared.InStoredOrder;
import org.axonframework.config.ProcessingGroup;
import org.springframework.context.annotation.Bean;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The customer list and detail. Each handler skips an event the row has already seen (its sequence
 * number is not above the row's version), so a redelivered event changes nothing. Work-order events
 * are guarded the same way on the customer's work-order row (whose version is the work order's).
 * <p>
 * The group runs its events one at a time in stored order (a sequential policy, see AxonConfig):
 * events of a customer and of their work orders both change the customer's row.
 */
@Component
@ProcessingGroup(CustomerProjection.NAME)
class CustomerProjection {

    static final String NAME = CustomerViews.PROCESSOR;


    /** The tables a rebuild copies beside the live ones (blue/green), then swaps in. */

    @Bean

    static ViewTables customerProjectionViewTables() {

        return ViewTables.of(NAME, "customer_view", "customer_asset_view", "customer_work_order_view", "customer_work_order_line_view");

    }

    /** A failing event is parked with its sequence, the rest of the view goes on. */
    @Bean
    static DeadLettered customerProjectionDeadLettered() {
        return new DeadLettered(NAME);
    }

    /**
     * Rows are changed by events of more than one aggregate, so no two threads may handle events of
     * this view and a later event may never overtake an earlier one: one segment, stored order.
     */
    @Bean
    static InStoredOrder customerProjectionInStoredOrder() {
        return new InStoredOrder(NAME, QueryProcessing.BATCH_SIZE,
                "a customer row counts work orders (events of other aggregates) and a rename reaches them");
    }

    private final CustomerRepository customers;
    private final CustomerAssetRepository assets;
    private final CustomerWorkOrderRepository workOrders;
    private final CustomerWorkOrderLineRepository workOrderLines;

    CustomerProjection(CustomerRepository customers, CustomerAssetRepository assets,
                       CustomerWorkOrderRepository workOrders, CustomerWorkOrderLineRepository workOrderLines) {
        this.customers = customers;
        this.assets = assets;
        this.workOrders = workOrders;
        this.workOrderLines = workOrderLines;
    }

    @EventHandler
    void on(CustomerRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (customers.findById(event.customerId().value()).isPresent()) {
            return;
        }
        CustomerEntity customer = new CustomerEntity(event.customerId().value());
        customer.contact(event.name(), event.email(), event.phone(), event.address());
        customer.registeredAt = at;
        customer.version = sequence;
        customers.insert(customer);
    }

    @EventHandler
    void on(CustomerContactDetailsUpdated event, @SequenceNumber long sequence) {
        update(event.customerId(), sequence, c -> c.contact(event.name(), event.email(), event.phone(), event.address()));
    }

    @EventHandler
    void on(AssetRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.customerId(), sequence, c -> {
            assets.insert(CustomerAssetEntity.from(event, at));
            c.assetCount++;
        });
    }

    @EventHandler
    void on(OdometerRecorded event, @SequenceNumber long sequence) {
        update(event.customerId(), sequence,
                c -> assets.findById(event.assetId().value()).ifPresent(a -> a.odometer = event.reading()));
    }

    /** The preferences are the notification outbox's to keep; the details only follow the version. */
    @EventHandler
    void on(CustomerNotificationPreferencesChanged event, @SequenceNumber long sequence) {
        update(event.customerId(), sequence, c -> { });
    }

    @EventHandler
    void on(CustomerArchived event, @SequenceNumber long sequence) {
        update(event.customerId(), sequence, c -> c.archived = true);
    }

    private void update(CustomerId id, long sequence, Consumer<CustomerEntity> change) {
        customers.findById(id.value()).filter(c -> sequence > c.version).ifPresent(c -> {
            change.accept(c);
            c.version = sequence;
        });
    }

    // --- the customer's work orders

    @EventHandler
    void on(WorkOrderOpened event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (workOrders.findById(event.workOrderId().value()).isPresent()) {
            return;
        }
        CustomerWorkOrderEntity workOrder = new CustomerWorkOrderEntity(event.workOrderId().value(),
                event.customerId().value(), event.number(), at, sequence);
        workOrders.insert(workOrder);
        customers.findById(workOrder.customerId).ifPresent(c -> c.openWorkOrders++);
    }

    @EventHandler
    void on(LabourLineAdded event, @SequenceNumber long sequence) {
        addLine(event.workOrderId(), sequence, event.lineId().value(), event.amount());
    }

    @EventHandler
    void on(PartLineAdded event, @SequenceNumber long sequence) {
        addLine(event.workOrderId(), sequence, event.lineId().value(), event.amount());
    }

    @EventHandler
    void on(LineRemoved event, @SequenceNumber long sequence) {
        dropLine(event.workOrderId(), sequence, event.lineId().value());
    }

    @EventHandler
    void on(PartLineReleased event, @SequenceNumber long sequence) {
        dropLine(event.workOrderId(), sequence, event.lineId().value());
    }

    @EventHandler
    void on(WorkOrderApproved event, @SequenceNumber long sequence) {
        workOrderStatus(event.workOrderId(), sequence, WorkOrderStatus.APPROVED);
    }

    @EventHandler
    void on(WorkStarted event, @SequenceNumber long sequence) {
        workOrderStatus(event.workOrderId(), sequence, WorkOrderStatus.IN_PROGRESS);
    }

    @EventHandler
    void on(WorkPutOnHold event, @SequenceNumber long sequence) {
        workOrderStatus(event.workOrderId(), sequence, WorkOrderStatus.ON_HOLD);
    }

    @EventHandler
    void on(WorkResumed event, @SequenceNumber long sequence) {
        workOrderStatus(event.workOrderId(), sequence, WorkOrderStatus.IN_PROGRESS);
    }

    @EventHandler
    void on(WorkOrderCompleted event, @SequenceNumber long sequence) {
        workOrderStatus(event.workOrderId(), sequence, WorkOrderStatus.COMPLETED);
    }

    /** The invoice fixes the total; the line amounts are not needed any more. */
    @EventHandler
    void on(WorkOrderInvoiced event, @SequenceNumber long sequence) {
        updateWorkOrder(event.workOrderId(), sequence, w -> {
            setStatus(w, WorkOrderStatus.INVOICED);
            w.total = event.total();
            workOrderLines.deleteByWorkOrderId(w.id);
        });
    }

    @EventHandler
    void on(WorkOrderPaid event, @SequenceNumber long sequence) {
        workOrderStatus(event.workOrderId(), sequence, WorkOrderStatus.PAID);
    }

    @EventHandler
    void on(WorkOrderCancelled event, @SequenceNumber long sequence) {
        workOrderStatus(event.workOrderId(), sequence, WorkOrderStatus.CANCELLED);
    }

    private void addLine(WorkOrderId id, long sequence, UUID lineId, BigDecimal amount) {
        updateWorkOrder(id, sequence, w -> {
            if (!w.isInvoiced() && workOrderLines.findById(lineId).isEmpty()) {
                workOrderLines.insert(new CustomerWorkOrderLineEntity(lineId, w.id, amount));
                w.total = w.total.add(amount);
            }
        });
    }

    /** A removed line, or a part line inventory released: no longer charged (a second one finds nothing). */
    private void dropLine(WorkOrderId id, long sequence, UUID lineId) {
        updateWorkOrder(id, sequence, w -> {
            if (w.isInvoiced()) {
                return;
            }
            workOrderLines.findById(lineId).ifPresent(line -> {
                w.total = w.total.subtract(line.amount);
                workOrderLines.delete(line);
            });
        });
    }

    private void workOrderStatus(WorkOrderId id, long sequence, WorkOrderStatus status) {
        updateWorkOrder(id, sequence, w -> setStatus(w, status));
    }

    /** Keeps the customer's count of open work orders in step with the status. */
    private void setStatus(CustomerWorkOrderEntity workOrder, WorkOrderStatus status) {
        boolean wasOpen = workOrder.isOpen();
        workOrder.status = status.name();
        if (wasOpen != workOrder.isOpen()) {
            customers.findById(workOrder.customerId).ifPresent(c -> c.openWorkOrders += wasOpen ? -1 : 1);
        }
    }

    private void updateWorkOrder(WorkOrderId id, long sequence, Consumer<CustomerWorkOrderEntity> change) {
        workOrders.findById(id.value()).filter(w -> sequence > w.version).ifPresent(w -> {
            change.accept(w);
            w.version = sequence;
        });
    }

    @ResetHandler
    void reset() {
        workOrderLines.deleteAllInBulk();
        workOrders.deleteAllInBulk();
        assets.deleteAllInBulk();
        customers.deleteAllInBulk();
    }
}
