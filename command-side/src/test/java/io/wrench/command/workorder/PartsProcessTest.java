package io.wrench.command.workorder;

import io.wrench.command.inventory.messages.IssueReservedStock;
import io.wrench.command.inventory.messages.ReleaseReservation;
import io.wrench.command.inventory.messages.ReserveStock;
import io.wrench.command.workorder.messages.MarkPartLineBackordered;
import io.wrench.command.workorder.messages.MarkPartLineIssued;
import io.wrench.command.workorder.messages.MarkPartLineReleased;
import io.wrench.command.workorder.messages.MarkPartLineReserved;
import io.wrench.shared.ErrorCode;
import io.wrench.shared.inventory.BackorderFilled;
import io.wrench.shared.inventory.ReservationRejected;
import io.wrench.shared.inventory.ReservationReleased;
import io.wrench.shared.inventory.ReservedStockIssued;
import io.wrench.shared.inventory.StockBackordered;
import io.wrench.shared.inventory.StockReserved;
import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.LineRemoved;
import io.wrench.shared.workorder.WorkOrderCancelled;
import io.wrench.shared.workorder.WorkOrderCompleted;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.AxonAssertionError;
import org.axonframework.test.saga.FixtureExecutionResult;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.wrench.command.workorder.WorkOrderTestData.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.test.matchers.Matchers.listWithAllOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.Matchers.equalTo;

/** The parts process, one instance per part line: each flow, the interleavings, repeats and the end. */
class PartsProcessTest {

    private static final String WORK_ORDER_STREAM = WORK_ORDER.toString();
    private static final String ITEM_STREAM = BRAKE_PADS.toString();
    private static final BigDecimal QUANTITY = new BigDecimal("4");

    private SagaTestFixture<PartsProcess> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(PartsProcess.class);
    }

    // --- events and commands of the line under test (PART_LINE, 4 brake pads)

    private static Object added() {
        return partLine();
    }

    private static Object added(LineId line) {
        return partLine(line, "4", "12.49");
    }

    private static Object reserved(LineId line) {
        return new StockReserved(BRAKE_PADS, WORK_ORDER, line, QUANTITY);
    }

    private static Object reserved() {
        return reserved(PART_LINE);
    }

    private static Object backordered() {
        return new StockBackordered(BRAKE_PADS, WORK_ORDER, PART_LINE, QUANTITY);
    }

    private static Object filled() {
        return new BackorderFilled(BRAKE_PADS, WORK_ORDER, PART_LINE, QUANTITY);
    }

    private static Object rejected() {
        return new ReservationRejected(BRAKE_PADS, WORK_ORDER, PART_LINE, QUANTITY, ErrorCode.ITEM_DISCONTINUED);
    }

    private static Object releasedByInventory(boolean backorder) {
        return new ReservationReleased(BRAKE_PADS, WORK_ORDER, PART_LINE, QUANTITY, backorder);
    }

    private static Object issued() {
        return new ReservedStockIssued(BRAKE_PADS, WORK_ORDER, PART_LINE, QUANTITY);
    }

    private static Object removed() {
        return new LineRemoved(WORK_ORDER, PART_LINE);
    }

    private static Object cancelled() {
        return new WorkOrderCancelled(WORK_ORDER, "declined");
    }

    private static Object completed() {
        return new WorkOrderCompleted(WORK_ORDER);
    }

    private static ReleaseReservation release(LineId line) {
        return new ReleaseReservation(BRAKE_PADS, WORK_ORDER, line);
    }

    private static ReleaseReservation release() {
        return release(PART_LINE);
    }

    // --- the flows

    @Test
    void adding_a_part_line_starts_a_process_for_it_that_requests_the_reservation() {
        fixture.givenNoPriorActivity()
                .whenAggregate(WORK_ORDER_STREAM).publishes(added())
                .expectActiveSagas(1)
                .expectAssociationWith(PartsProcess.LINE, PART_LINE)
                .expectAssociationWith(PartsProcess.WORK_ORDER, WORK_ORDER)
                .expectDispatchedCommands(new ReserveStock(BRAKE_PADS, WORK_ORDER, PART_LINE, QUANTITY));
    }

    @Test
    void every_part_line_has_its_own_process() {
        fixture.givenAggregate(WORK_ORDER_STREAM).published(added())
                .whenAggregate(WORK_ORDER_STREAM).publishes(added(OTHER_PART_LINE))
                .expectActiveSagas(2)
                .expectDispatchedCommands(new ReserveStock(BRAKE_PADS, WORK_ORDER, OTHER_PART_LINE, QUANTITY));
    }

    @Test
    void reserved_stock_marks_the_line_reserved() {
        fixture.givenAggregate(WORK_ORDER_STREAM).published(added())
                .whenAggregate(ITEM_STREAM).publishes(reserved())
                .expectActiveSagas(1)
                .expectDispatchedCommands(new MarkPartLineReserved(WORK_ORDER, PART_LINE));
    }

    @Test
    void a_backorder_marks_the_line_backordered() {
        fixture.givenAggregate(WORK_ORDER_STREAM).published(added())
                .whenAggregate(ITEM_STREAM).publishes(backordered())
                .expectDispatchedCommands(new MarkPartLineBackordered(WORK_ORDER, PART_LINE));
    }

    @Test
    void a_filled_backorder_marks_the_line_reserved() {
        fixture.givenAggregate(WORK_ORDER_STREAM).published(added())
                .andThenAggregate(ITEM_STREAM).published(backordered())
                .whenAggregate(ITEM_STREAM).publishes(filled())
                .expectDispatchedCommands(new MarkPartLineReserved(WORK_ORDER, PART_LINE));
    }

    @Test
    void a_rejected_request_releases_the_line_and_ends_the_process() {
        fixture.givenAggregate(WORK_ORDER_STREAM).published(added())
                .whenAggregate(ITEM_STREAM).publishes(rejected())
                .expectDispatchedCommands(new MarkPartLineReleased(WORK_ORDER, PART_LINE))
                .expectActiveSagas(0);
    }

    @Test
    void removing_the_line_releases_its_reservation() {
        fixture.givenAggregate(WORK_ORDER_STREAM).published(added())
                .andThenAggregate(ITEM_STREAM).published(reserved())
                .whenAggregate(WORK_ORDER_STREAM).publishes(removed())
                .expectActiveSagas(1)
                .expectDispatchedCommands(release());
    }

    @Test
    void cancelling_the_work_order_releases_every_part_line() {
        fixture.givenAggregate(WORK_ORDER_STREAM).published(added(), added(OTHER_PART_LINE))
                .andThenAggregate(ITEM_STREAM).published(reserved())
                .whenAggregate(WORK_ORDER_STREAM).publishes(cancelled())
                .expectActiveSagas(2)
                .expectDispatchedCommandsMatching(listWithAllOf(
                        messageWithPayload(equalTo(release(PART_LINE))),
                        messageWithPayload(equalTo(release(OTHER_PART_LINE)))));
    }

    @Test
    void a_confirmed_release_marks_the_line_released_and_ends_the_process() {
        fixture.givenAggregate(WORK_ORDER_STREAM).published(added())
                .andThenAggregate(ITEM_STREAM).published(reserved())
                .andThenAggregate(WORK_ORDER_STREAM).published(removed())
                .whenAggregate(ITEM_STREAM).publishes(releasedByInventory(false))
                .expectDispatchedCommands(new MarkPartLineReleased(WORK_ORDER, PART_LINE))
                .expectActiveSagas(0);
    }

    @Test
    void completing_the_work_order_issues_the_reserved_stock() {
        fixture.givenAggregate(WORK_ORDER_STREAM).published(added())
                .andThenAggregate(ITEM_STREAM).published(reserved())
                .whenAggregate(WORK_ORDER_STREAM).publishes(completed())
                .expectActiveSagas(1)
                .expectDispatchedCommands(new IssueReservedStock(BRAKE_PADS, WORK_ORDER, PART_LINE));
    }

    @Test
    void issued_stock_marks_the_line_issued_and_ends_the_process() {
        fixture.givenAggregate(WORK_ORDER_STREAM).published(added())
                .andThenAggregate(ITEM_STREAM).published(reserved())
                .andThenAggregate(WORK_ORDER_STREAM).published(completed())
                .whenAggregate(ITEM_STREAM).publishes(issued())
                .expectDispatchedCommands(new MarkPartLineIssued(WORK_ORDER, PART_LINE))
                .expectActiveSagas(0);
    }

    @Test
    void another_lines_answer_does_not_touch_this_line() {
        fixture.givenAggregate(WORK_ORDER_STREAM).published(added(), added(OTHER_PART_LINE))
                .whenAggregate(ITEM_STREAM).publishes(reserved(OTHER_PART_LINE))
                .expectDispatchedCommands(new MarkPartLineReserved(WORK_ORDER, OTHER_PART_LINE));
    }

    // --- interleavings

    @Test
    void a_reservation_arriving_after_the_line_was_removed_is_released_again_not_marked() {
        fixture.givenAggregate(WORK_ORDER_STREAM).published(added(), removed())
                .whenAggregate(ITEM_STREAM).publishes(reserved())
                .expectActiveSagas(1)
                .expectDispatchedCommands(release());
    }

    @Test
    void a_backorder_arriving_after_the_line_was_removed_is_released_again_not_marked() {
        fixture.givenAggregate(WORK_ORDER_STREAM).published(added(), removed())
                .whenAggregate(ITEM_STREAM).publishes(backordered())
                .expectDispatchedCommands(release());
    }

    @Test
    void cancelling_while_backordered_releases_the_backorder() {
        fixture.givenAggregate(WORK_ORDER_STREAM).published(added())
                .andThenAggregate(ITEM_STREAM).published(backordered())
                .whenAggregate(WORK_ORDER_STREAM).publishes(cancelled())
                .expectDispatchedCommands(release());
    }

    @Test
    void a_released_backorder_marks_the_line_released_and_ends_the_process() {
        fixture.givenAggregate(WORK_ORDER_STREAM).published(added())
                .andThenAggregate(ITEM_STREAM).published(backordered())
                .andThenAggregate(WORK_ORDER_STREAM).published(cancelled())
                .whenAggregate(ITEM_STREAM).publishes(releasedByInventory(true))
                .expectDispatchedCommands(new MarkPartLineReleased(WORK_ORDER, PART_LINE))
                .expectActiveSagas(0);
    }

    @Test
    void a_fill_arriving_after_cancellation_is_released_again_not_marked() {
        fixture.givenAggregate(WORK_ORDER_STREAM).published(added())
                .andThenAggregate(ITEM_STREAM).published(backordered())
                .andThenAggregate(WORK_ORDER_STREAM).published(cancelled())
                .whenAggregate(ITEM_STREAM).publishes(filled())
                .expectActiveSagas(1)
                .expectDispatchedCommands(release());
    }

    @Test
    void a_rejection_arriving_after_the_line_was_removed_ends_the_process() {
        fixture.givenAggregate(WORK_ORDER_STREAM).published(added(), removed())
                .whenAggregate(ITEM_STREAM).publishes(rejected())
                .expectDispatchedCommands(new MarkPartLineReleased(WORK_ORDER, PART_LINE))
                .expectActiveSagas(0);
    }

    @Test
    void a_removed_line_is_not_issued_when_the_work_order_completes() {
        fixture.givenAggregate(WORK_ORDER_STREAM).published(added())
                .andThenAggregate(ITEM_STREAM).published(reserved())
                .andThenAggregate(WORK_ORDER_STREAM).published(removed())
                .whenAggregate(WORK_ORDER_STREAM).publishes(completed())
                .expectNoDispatchedCommands();
    }

    // --- repeated events

    @Test
    void a_repeated_line_addition_requests_nothing_more() {
        fixture.givenAggregate(WORK_ORDER_STREAM).published(added())
                .whenAggregate(WORK_ORDER_STREAM).publishes(added())
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();
    }

    @Test
    void a_repeated_reservation_only_repeats_the_idempotent_mark() {
        fixture.givenAggregate(WORK_ORDER_STREAM).published(added())
                .andThenAggregate(ITEM_STREAM).published(reserved())
                .whenAggregate(ITEM_STREAM).publishes(reserved())
                .expectDispatchedCommands(new MarkPartLineReserved(WORK_ORDER, PART_LINE));
    }

    @Test
    void a_repeated_removal_releases_only_once() {
        fixture.givenAggregate(WORK_ORDER_STREAM).published(added(), removed())
                .whenAggregate(WORK_ORDER_STREAM).publishes(removed())
                .expectNoDispatchedCommands();
    }

    @Test
    void cancelling_after_the_line_was_removed_releases_nothing_more() {
        fixture.givenAggregate(WORK_ORDER_STREAM).published(added(), removed())
                .whenAggregate(WORK_ORDER_STREAM).publishes(cancelled())
                .expectNoDispatchedCommands();
    }

    @Test
    void a_repeated_completion_issues_only_once() {
        fixture.givenAggregate(WORK_ORDER_STREAM).published(added())
                .andThenAggregate(ITEM_STREAM).published(reserved())
                .andThenAggregate(WORK_ORDER_STREAM).published(completed())
                .whenAggregate(WORK_ORDER_STREAM).publishes(completed())
                .expectNoDispatchedCommands();
    }

    @Test
    void an_event_after_the_end_reaches_no_process() {
        fixture.givenAggregate(WORK_ORDER_STREAM).published(added(), removed())
                .andThenAggregate(ITEM_STREAM).published(releasedByInventory(false))
                .whenAggregate(ITEM_STREAM).publishes(reserved())
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    // --- failures and storage

    @Test
    void a_command_that_fails_fails_the_event_handling_so_the_processor_retries() {
        fixture.setCallbackBehavior((command, metaData) -> {
            throw new IllegalStateException("inventory unavailable");
        });
        FixtureExecutionResult result = fixture.givenNoPriorActivity()
                .whenAggregate(WORK_ORDER_STREAM).publishes(added());

        assertThatThrownBy(result::expectSuccessfulHandlerExecution)
                .isInstanceOf(AxonAssertionError.class)
                .hasMessageContaining("inventory unavailable");
    }

    @Test
    void the_process_state_survives_the_saga_stores_jackson_serializer() {
        PartsProcess process = new PartsProcess();
        process.setWorkOrderId(WORK_ORDER);
        process.setLineId(PART_LINE);
        process.setItemId(BRAKE_PADS);
        process.setQuantity(QUANTITY);
        process.setReleasing(true);
        process.setCommandGateway(DefaultCommandGateway.builder().commandBus(SimpleCommandBus.builder().build()).build());
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

        SerializedObject<String> stored = serializer.serialize(process, String.class);
        PartsProcess loaded = serializer.deserialize(stored);

        assertThat(stored.getData()).doesNotContain("commandGateway");
        assertThat(loaded).usingRecursiveComparison().ignoringFields("commandGateway").isEqualTo(process);
    }
}
