package io.wrench.command.workorder;

import io.wrench.shared.InStoredOrder;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.spring.stereotype.Saga;
import io.wrench.command.inventory.messages.IssueReservedStock;
import io.wrench.command.inventory.messages.ReleaseReservation;
import io.wrench.command.inventory.messages.ReserveStock;
import io.wrench.command.workorder.messages.MarkPartLineBackordered;
import io.wrench.command.workorder.messages.MarkPartLineIssued;
import io.wrench.command.workorder.messages.MarkPartLineReleased;
import io.wrench.command.workorder.messages.MarkPartLineReserved;
import io.wrench.shared.inventory.BackorderFilled;
import io.wrench.shared.inventory.ReservationRejected;
import io.wrench.shared.inventory.ReservationReleased;
import io.wrench.shared.inventory.ReservedStockIssued;
import io.wrench.shared.inventory.StockBackordered;
import io.wrench.shared.inventory.StockItemId;
import io.wrench.shared.inventory.StockReserved;
import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.LineRemoved;
import io.wrench.shared.workorder.PartLineAdded;
import io.wrench.shared.workorder.WorkOrderCancelled;
import io.wrench.shared.workorder.WorkOrderCompleted;
import io.wrench.shared.workorder.WorkOrderId;
import jakarta.inject.Inject;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;

/**
 * Settles one part line with inventory, from the line's addition until its stock is issued or
 * released. One instance per line, associated by {@code lineId}, and by {@code workOrderId} so that
 * cancelling or completing the work order reaches every line.
 * <p>
 * Commands go out with {@code sendAndWait}: a failure (or a 30 s timeout) throws, the event is not
 * acknowledged and the event processor's error handling delivers it again. Every command this
 * process sends is idempotent on the receiving side, so a repeat after a crash or a retry is harmless.
 * <p>
 * Once the line is being given up ({@link #isReleasing()}), every late answer from inventory is
 * answered with another (idempotent) release instead of being recorded: inventory may have reserved
 * or filled the line after an earlier release found nothing to release. The process ends when
 * inventory confirms the release, rejects the request, or issues the stock.
 * <p>
 * Public with a public no-arg constructor and bean accessors: the saga store instantiates it and
 * serializes its state with Jackson. The command gateway is a transient, injected resource.
 */
@Saga
@ProcessingGroup(PartsProcess.PROCESSING_GROUP)
public class PartsProcess {

    /** The processor's name; kept as Axon's former implicit name so existing token stores carry on. */
    public static final String PROCESSING_GROUP = "PartsProcessProcessor";

    /**
     * A saga is started in the segment its association value (the line id) hashes to, so with
     * several segments two lines' reservations race and a later line can take the stock an earlier
     * one asked for first; backorders are filled in request order only if every event is handled in
     * stored order by one thread. One event per batch: each event sends a command, and the
     * aggregate's lock is held until the batch commits, so small batches keep locks short.
     */
    public static final InStoredOrder IN_REQUEST_ORDER = new InStoredOrder(PROCESSING_GROUP, 1,
            "part lines reach inventory, and backorders are filled, in the order they were requested");

    static final String LINE = "lineId";
    static final String WORK_ORDER = "workOrderId";
    private static final long COMMAND_TIMEOUT_SECONDS = 30;

    private WorkOrderId workOrderId;
    private LineId lineId;
    private StockItemId itemId;
    private BigDecimal quantity;
    private boolean releasing;
    private boolean issuing;

    private transient CommandGateway commandGateway;

    public PartsProcess() {
    }

    @StartSaga
    @SagaEventHandler(associationProperty = LINE)
    void on(PartLineAdded event) {
        if (lineId != null) {
            return; // delivered again: the reservation was already requested
        }
        workOrderId = event.workOrderId();
        lineId = event.lineId();
        itemId = event.itemId();
        quantity = event.quantity();
        SagaLifecycle.associateWith(WORK_ORDER, workOrderId.toString());
        send(new ReserveStock(itemId, workOrderId, lineId, quantity));
    }

    @SagaEventHandler(associationProperty = LINE)
    void on(StockReserved event) {
        reserved();
    }

    @SagaEventHandler(associationProperty = LINE)
    void on(BackorderFilled event) {
        reserved();
    }

    @SagaEventHandler(associationProperty = LINE)
    void on(StockBackordered event) {
        if (releasing) {
            release();
        } else {
            send(new MarkPartLineBackordered(workOrderId, lineId));
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = LINE)
    void on(ReservationRejected event) {
        send(new MarkPartLineReleased(workOrderId, lineId));
    }

    @SagaEventHandler(associationProperty = LINE)
    void on(LineRemoved event) {
        giveUp();
    }

    @SagaEventHandler(associationProperty = WORK_ORDER)
    void on(WorkOrderCancelled event) {
        giveUp();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = LINE)
    void on(ReservationReleased event) {
        send(new MarkPartLineReleased(workOrderId, lineId));
    }

    @SagaEventHandler(associationProperty = WORK_ORDER)
    void on(WorkOrderCompleted event) {
        if (releasing || issuing) {
            return; // a removed line is not issued; a repeated completion issues nothing more
        }
        issuing = true;
        send(new IssueReservedStock(itemId, workOrderId, lineId));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = LINE)
    void on(ReservedStockIssued event) {
        send(new MarkPartLineIssued(workOrderId, lineId));
    }

    private void reserved() {
        if (releasing) {
            release();
        } else {
            send(new MarkPartLineReserved(workOrderId, lineId));
        }
    }

    private void giveUp() {
        if (releasing || issuing) {
            return;
        }
        releasing = true;
        release();
    }

    private void release() {
        send(new ReleaseReservation(itemId, workOrderId, lineId));
    }

    private void send(Object command) {
        commandGateway.sendAndWait(command, COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    @Inject
    public void setCommandGateway(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    public WorkOrderId getWorkOrderId() {
        return workOrderId;
    }

    public void setWorkOrderId(WorkOrderId workOrderId) {
        this.workOrderId = workOrderId;
    }

    public LineId getLineId() {
        return lineId;
    }

    public void setLineId(LineId lineId) {
        this.lineId = lineId;
    }

    public StockItemId getItemId() {
        return itemId;
    }

    public void setItemId(StockItemId itemId) {
        this.itemId = itemId;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public void setQuantity(BigDecimal quantity) {
        this.quantity = quantity;
    }

    /** The line was removed or its work order cancelled: its stock is to be given back. */
    public boolean isReleasing() {
        return releasing;
    }

    public void setReleasing(boolean releasing) {
        this.releasing = releasing;
    }

    /** The work order was completed: the line's reserved stock is to leave the shelf. */
    public boolean isIssuing() {
        return issuing;
    }

    public void setIssuing(boolean issuing) {
        this.issuing = issuing;
    }
}
