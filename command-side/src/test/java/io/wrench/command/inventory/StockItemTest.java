package io.wrench.command.inventory;

import io.wrench.command.inventory.messages.ChangeStockItemDetails;
import io.wrench.command.inventory.messages.ReceiveStock;
import io.wrench.command.inventory.messages.RegisterStockItem;
import io.wrench.shared.inventory.LowStockDetected;
import io.wrench.shared.inventory.ReservationRejected;
import io.wrench.shared.inventory.StockAdjusted;
import io.wrench.shared.inventory.StockItemId;
import io.wrench.shared.inventory.StockItemDetailsChanged;
import io.wrench.shared.inventory.StockLevelRecovered;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.wrench.command.inventory.InventoryTestData.*;
import static io.wrench.shared.ErrorCode.*;

class StockItemTest {

    private FixtureConfiguration<StockItem> fixture;
    private final FakeStockItemRegistry registry = new FakeStockItemRegistry();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(StockItem.class);
        fixture.registerInjectableResource(registry);
    }

    @Nested
    class Registration {

        @Test
        void a_new_item_has_nothing_on_hand_and_is_low_from_the_start() {
            fixture.givenNoPriorActivity()
                    .when(register())
                    .expectEvents(registered(), lowStock(0));
        }

        @Test
        void a_sku_in_use_by_another_item_is_refused_whatever_its_case() {
            registry.taken("oil-5w30", StockItemId.of("5b0c1a57-0000-4000-8000-000000000002"));
            fixture.givenNoPriorActivity()
                    .when(register())
                    .expectNoEvents()
                    .expectException(refusal(SKU_IN_USE, "SKU OIL-5W30 is already in use"));
        }

        @Test
        void the_sku_is_recorded_without_surrounding_spaces() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterStockItem(ITEM, "  OIL-5W30 ", "Engine oil 5W-30", "L", qty(REORDER_LEVEL), qty(20), COST, "A-01"))
                    .expectEvents(registered(), lowStock(0));
        }

        @Test
        void a_location_is_optional() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterStockItem(ITEM, "OIL-5W30", "Engine oil 5W-30", "L", qty(5), qty(20), COST, null))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class Receipts {

        @Test
        void a_receipt_values_the_stock_at_the_moving_average_cost_rounded_to_four_places() {
            // (10 x 8.50 + 3 x 10.00) / 13 = 8.846153... -> 8.8462
            fixture.given(itemWithOnHand(10))
                    .when(receive(3, new BigDecimal("10.00")))
                    .expectEvents(received(3, new BigDecimal("10.00"), new BigDecimal("8.8462")));
        }

        @Test
        void a_receipt_onto_an_empty_shelf_takes_its_own_cost_as_the_average() {
            fixture.given(itemWithOnHand(0))
                    .when(receive(12, new BigDecimal("9.99")))
                    .expectEvents(received(12, new BigDecimal("9.99"), new BigDecimal("9.99")), recovered(12));
        }
    }

    @Nested
    class Adjustments {

        @Test
        void a_counted_adjustment_changes_what_is_on_hand() {
            fixture.given(itemWithOnHand(10))
                    .when(adjust(2))
                    .expectEvents(new StockAdjusted(ITEM, qty(2), "stock count"));
        }

        @Test
        void an_adjustment_may_not_take_on_hand_below_zero() {
            fixture.given(itemWithOnHand(3))
                    .when(adjust(-5))
                    .expectNoEvents()
                    .expectException(refusal(INSUFFICIENT_STOCK, "adjustment of -5 would leave -2 on hand, below zero"));
        }

        @Test
        void an_adjustment_may_not_take_on_hand_below_what_is_reserved() {
            fixture.given(itemWithOnHand(8)).andGiven(reserved(FIRST, 8), lowStock(0))
                    .when(adjust(-5))
                    .expectNoEvents()
                    .expectException(refusal(INSUFFICIENT_STOCK, "adjustment of -5 would leave 3 on hand below the 8 reserved"));
        }
    }

    @Nested
    class Reserving {

        @Test
        void a_request_that_fits_in_what_is_available_is_reserved() {
            fixture.given(itemWithOnHand(20))
                    .when(reserve(FIRST, 4))
                    .expectEvents(reserved(FIRST, 4));
        }

        @Test
        void a_repeated_request_for_a_reserved_line_changes_nothing() {
            fixture.given(itemWithOnHand(20)).andGiven(reserved(FIRST, 4))
                    .when(reserve(FIRST, 6))
                    .expectNoEvents();
        }

        @Test
        void a_repeated_request_for_a_backordered_line_changes_nothing() {
            fixture.given(itemWithOnHand(10)).andGiven(backordered(FIRST, 12))
                    .when(reserve(FIRST, 12))
                    .expectNoEvents();
        }

        @Test
        void a_request_larger_than_what_is_available_is_backordered_as_a_whole() {
            fixture.given(itemWithOnHand(10))
                    .when(reserve(FIRST, 12))
                    .expectEvents(backordered(FIRST, 12));
        }

        @Test
        void a_request_that_would_fit_still_queues_behind_waiting_backorders() {
            fixture.given(itemWithOnHand(10)).andGiven(backordered(FIRST, 12))
                    .when(reserve(SECOND, 2))
                    .expectEvents(backordered(SECOND, 2));
        }
    }

    @Nested
    class FillingBackorders {

        @Test
        void a_receipt_fills_the_head_of_the_queue_and_stops_at_the_first_that_does_not_fit() {
            fixture.given(itemWithOnHand(10)).andGiven(backordered(FIRST, 12), backordered(SECOND, 8))
                    .when(receive(3))
                    .expectEvents(received(3, COST, new BigDecimal("8.5000")), filled(FIRST, 12), lowStock(1));
        }

        @Test
        void a_receipt_that_covers_every_waiting_line_fills_them_in_request_order() {
            fixture.given(itemWithOnHand(10)).andGiven(backordered(FIRST, 12), backordered(SECOND, 8))
                    .when(receive(10))
                    .expectEvents(received(10, COST, new BigDecimal("8.5000")), filled(FIRST, 12), filled(SECOND, 8),
                            lowStock(0));
        }

        @Test
        void a_smaller_request_behind_the_head_is_not_filled_before_it() {
            fixture.given(itemWithOnHand(10)).andGiven(backordered(FIRST, 12), backordered(SECOND, 2))
                    .when(receive(1))
                    .expectEvents(received(1, COST, new BigDecimal("8.5000")));
        }

        @Test
        void a_positive_adjustment_fills_waiting_lines() {
            fixture.given(itemWithOnHand(10)).andGiven(backordered(FIRST, 12))
                    .when(adjust(2))
                    .expectEvents(new StockAdjusted(ITEM, qty(2), "stock count"), filled(FIRST, 12), lowStock(0));
        }

        @Test
        void a_released_reservation_fills_waiting_lines() {
            fixture.given(itemWithOnHand(10)).andGiven(reserved(FIRST, 6), lowStock(4), backordered(SECOND, 8))
                    .when(release(FIRST))
                    .expectEvents(released(FIRST, 6), filled(SECOND, 8));
        }

        @Test
        void a_released_backorder_at_the_head_lets_the_next_in_line_be_filled() {
            fixture.given(itemWithOnHand(10)).andGiven(backordered(FIRST, 12), backordered(SECOND, 8))
                    .when(release(FIRST))
                    .expectEvents(backorderReleased(FIRST, 12), filled(SECOND, 8), lowStock(2));
        }
    }

    @Nested
    class Releasing {

        @Test
        void a_released_reservation_gives_its_stock_back() {
            fixture.given(itemWithOnHand(20)).andGiven(reserved(FIRST, 4))
                    .when(release(FIRST))
                    .expectEvents(released(FIRST, 4));
        }

        @Test
        void a_waiting_backorder_can_be_released() {
            fixture.given(itemWithOnHand(10)).andGiven(backordered(FIRST, 12))
                    .when(release(FIRST))
                    .expectEvents(backorderReleased(FIRST, 12));
        }

        @Test
        void releasing_a_line_that_was_never_reserved_changes_nothing() {
            fixture.given(itemWithOnHand(10))
                    .when(release(FIRST))
                    .expectNoEvents();
        }

        @Test
        void releasing_a_line_twice_changes_nothing_the_second_time() {
            fixture.given(itemWithOnHand(20)).andGiven(reserved(FIRST, 4), released(FIRST, 4))
                    .when(release(FIRST))
                    .expectNoEvents();
        }
    }

    @Nested
    class Issuing {

        @Test
        void reserved_stock_is_issued_to_its_work_order() {
            fixture.given(itemWithOnHand(20)).andGiven(reserved(FIRST, 4))
                    .when(issue(FIRST))
                    .expectEvents(issued(FIRST, 4));
        }

        @Test
        void issuing_consumes_the_reservation_and_the_stock() {
            // 20 on hand, 4 issued: 16 left and nothing reserved, so taking 17 away must be refused as below zero
            fixture.given(itemWithOnHand(20)).andGiven(reserved(FIRST, 4), issued(FIRST, 4))
                    .when(adjust(-17))
                    .expectNoEvents()
                    .expectException(refusal(INSUFFICIENT_STOCK, "adjustment of -17 would leave -1 on hand, below zero"));
        }

        @Test
        void issuing_a_line_twice_changes_nothing_the_second_time() {
            fixture.given(itemWithOnHand(20)).andGiven(reserved(FIRST, 4), issued(FIRST, 4))
                    .when(issue(FIRST))
                    .expectNoEvents();
        }

        @Test
        void a_backordered_line_cannot_be_issued() {
            fixture.given(itemWithOnHand(10)).andGiven(backordered(FIRST, 12))
                    .when(issue(FIRST))
                    .expectNoEvents()
                    .expectException(refusal(RESERVATION_NOT_FOUND, "line " + FIRST.lineId() + " of work order "
                            + FIRST.workOrderId() + " is still backordered (12 waiting); only reserved stock can be issued"));
        }
    }

    @Nested
    class Discontinuing {

        @Test
        void an_item_can_be_discontinued() {
            fixture.given(itemWithOnHand(10))
                    .when(discontinue())
                    .expectEvents(discontinued());
        }

        @Test
        void an_item_cannot_be_discontinued_twice() {
            fixture.given(itemWithOnHand(10)).andGiven(discontinued())
                    .when(discontinue())
                    .expectNoEvents()
                    .expectException(refusal(ILLEGAL_STATE, "item is already discontinued"));
        }

        @Test
        void a_discontinued_item_rejects_new_reservations() {
            fixture.given(itemWithOnHand(10)).andGiven(discontinued())
                    .when(reserve(FIRST, 2))
                    .expectEvents(new ReservationRejected(ITEM, FIRST.workOrderId(), FIRST.lineId(), qty(2), ITEM_DISCONTINUED));
        }

        @Test
        void a_discontinued_item_still_issues_what_was_reserved() {
            fixture.given(itemWithOnHand(20)).andGiven(reserved(FIRST, 4), discontinued())
                    .when(issue(FIRST))
                    .expectEvents(issued(FIRST, 4));
        }

        @Test
        void a_discontinued_item_still_releases_what_was_reserved() {
            fixture.given(itemWithOnHand(20)).andGiven(reserved(FIRST, 4), discontinued())
                    .when(release(FIRST))
                    .expectEvents(released(FIRST, 4));
        }

        @Test
        void a_discontinued_item_still_fills_its_waiting_backorders() {
            fixture.given(itemWithOnHand(10)).andGiven(backordered(FIRST, 12), discontinued())
                    .when(receive(2))
                    .expectEvents(received(2, COST, new BigDecimal("8.5000")), filled(FIRST, 12), lowStock(0));
        }
    }

    @Nested
    class LowStock {

        @Test
        void low_stock_is_detected_when_available_falls_to_the_reorder_level() {
            fixture.given(itemWithOnHand(20))
                    .when(reserve(FIRST, 15))
                    .expectEvents(reserved(FIRST, 15), lowStock(5));
        }

        @Test
        void low_stock_is_not_raised_again_while_it_lasts() {
            fixture.given(itemWithOnHand(20)).andGiven(reserved(FIRST, 15), lowStock(5))
                    .when(reserve(SECOND, 2))
                    .expectEvents(reserved(SECOND, 2));
        }

        @Test
        void reaching_the_level_again_from_below_is_not_a_recovery() {
            fixture.given(itemWithOnHand(3))
                    .when(receive(2))
                    .expectEvents(received(2, COST, new BigDecimal("8.5000")));
        }

        @Test
        void rising_above_the_level_is_a_recovery() {
            fixture.given(itemWithOnHand(20)).andGiven(reserved(FIRST, 15), lowStock(5))
                    .when(release(FIRST))
                    .expectEvents(released(FIRST, 15), recovered(20));
        }

        @Test
        void after_a_recovery_low_stock_is_raised_again() {
            fixture.given(itemWithOnHand(20)).andGiven(reserved(FIRST, 15), lowStock(5), released(FIRST, 15), recovered(20))
                    .when(adjust(-16))
                    .expectEvents(new StockAdjusted(ITEM, qty(-16), "stock count"), lowStock(4));
        }
    }

    @Nested
    class Details {

        @Test
        void changed_details_are_recorded_in_full_and_a_higher_level_can_make_the_item_low() {
            fixture.given(itemWithOnHand(8))
                    .when(new ChangeStockItemDetails(ITEM, null, "B-07", qty(10), null, null))
                    .expectEvents(new StockItemDetailsChanged(ITEM, "Engine oil 5W-30", "B-07", qty(10), qty(20)),
                            new LowStockDetected(ITEM, qty(8), qty(10)));
        }

        @Test
        void a_lower_level_can_make_a_low_item_recover() {
            fixture.given(itemWithOnHand(4))
                    .when(new ChangeStockItemDetails(ITEM, null, null, qty(3), null, null))
                    .expectEvents(new StockItemDetailsChanged(ITEM, "Engine oil 5W-30", "A-01", qty(3), qty(20)),
                            new StockLevelRecovered(ITEM, qty(4), qty(3)));
        }

        @Test
        void details_that_change_nothing_record_nothing() {
            fixture.given(itemWithOnHand(8))
                    .when(new ChangeStockItemDetails(ITEM, "Engine oil 5W-30", null, new BigDecimal("5.00"), null, null))
                    .expectNoEvents();
        }
    }

    @Nested
    class Validation {

        @Test
        void a_receipt_needs_a_quantity_above_zero() {
            fixture.given(itemWithOnHand(10))
                    .when(receive(0))
                    .expectNoEvents()
                    .expectException(refusal(INVALID_INPUT, "quantity must be greater than zero, was 0"));
        }

        @Test
        void a_receipt_needs_a_unit_cost_of_zero_or_more() {
            fixture.given(itemWithOnHand(10))
                    .when(receive(5, new BigDecimal("-0.01")))
                    .expectNoEvents()
                    .expectException(refusal(INVALID_INPUT, "unit cost must not be negative, was -0.01"));
        }

        @Test
        void an_adjustment_needs_a_delta_other_than_zero() {
            fixture.given(itemWithOnHand(10))
                    .when(adjust(0))
                    .expectNoEvents()
                    .expectException(refusal(INVALID_INPUT, "quantity delta must not be zero"));
        }

        @Test
        void an_adjustment_needs_a_reason() {
            fixture.given(itemWithOnHand(10))
                    .when(new io.wrench.command.inventory.messages.AdjustStock(ITEM, qty(1), " ", null))
                    .expectNoEvents()
                    .expectException(refusal(INVALID_INPUT, "reason must not be blank"));
        }

        @Test
        void a_reservation_needs_a_quantity_above_zero() {
            fixture.given(itemWithOnHand(10))
                    .when(reserve(FIRST, -1))
                    .expectNoEvents()
                    .expectException(refusal(INVALID_INPUT, "quantity must be greater than zero, was -1"));
        }

        @Test
        void a_registration_needs_a_sku() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterStockItem(ITEM, "", "Engine oil 5W-30", "L", qty(5), qty(20), COST, "A-01"))
                    .expectNoEvents()
                    .expectException(refusal(INVALID_INPUT, "sku must not be blank"));
        }

        @Test
        void a_registration_needs_a_reorder_level_of_zero_or_more() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterStockItem(ITEM, "OIL-5W30", "Engine oil 5W-30", "L", qty(-1), qty(20), COST, "A-01"))
                    .expectNoEvents()
                    .expectException(refusal(INVALID_INPUT, "reorder level must not be negative, was -1"));
        }

        @Test
        void changed_details_need_a_reorder_quantity_of_zero_or_more() {
            fixture.given(itemWithOnHand(10))
                    .when(new ChangeStockItemDetails(ITEM, null, null, null, qty(-3), null))
                    .expectNoEvents()
                    .expectException(refusal(INVALID_INPUT, "reorder quantity must not be negative, was -3"));
        }
    }

    @Nested
    class Versions {

        @Test
        void a_command_that_expects_an_older_version_is_refused() {
            // itemWithOnHand(10) is four events: the item is at version 3
            fixture.given(itemWithOnHand(10))
                    .when(new ReceiveStock(ITEM, qty(1), COST, null, null, 2L))
                    .expectNoEvents()
                    .expectException(ConflictingAggregateVersionException.class);
        }

        @Test
        void a_command_that_expects_the_current_version_is_handled() {
            fixture.given(itemWithOnHand(10))
                    .when(new ReceiveStock(ITEM, qty(1), COST, null, null, 3L))
                    .expectSuccessfulHandlerExecution();
        }
    }
}
