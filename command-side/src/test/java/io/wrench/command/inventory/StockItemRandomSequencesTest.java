package io.wrench.command.inventory;

import io.wrench.command.RuleViolation;
import io.wrench.command.inventory.InventoryTestData.OrderLine;
import io.wrench.command.inventory.messages.AdjustStock;
import io.wrench.command.inventory.messages.ChangeStockItemDetails;
import io.wrench.command.inventory.messages.DiscontinueStockItem;
import io.wrench.command.inventory.messages.IssueReservedStock;
import io.wrench.command.inventory.messages.ReceiveStock;
import io.wrench.command.inventory.messages.ReleaseReservation;
import io.wrench.command.inventory.messages.ReserveStock;
import io.wrench.shared.ErrorCode;
import io.wrench.shared.inventory.BackorderFilled;
import io.wrench.shared.inventory.ReservationRejected;
import io.wrench.shared.inventory.ReservationReleased;
import io.wrench.shared.inventory.ReservedStockIssued;
import io.wrench.shared.inventory.StockAdjusted;
import io.wrench.shared.inventory.StockBackordered;
import io.wrench.shared.inventory.StockReceived;
import io.wrench.shared.inventory.StockReserved;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static io.wrench.command.inventory.InventoryTestData.ITEM;
import static io.wrench.command.inventory.InventoryTestData.register;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random command sequences against the aggregate, each checked by an independent {@link StockLedger}.
 * A seeded {@link Random} instead of a property-testing library: a failure names its seed, and
 * {@code -Dinventory.seed=<seed> -Dinventory.sequences=1} replays exactly that sequence.
 */
class StockItemRandomSequencesTest {

    private static final long FIRST_SEED = Long.getLong("inventory.seed", 20_261_122L);
    private static final int SEQUENCES = Integer.getInteger("inventory.sequences", 200);
    private static final int STEPS = 30;
    /** Three work orders with two lines each: repeats, releases and issues hit lines that exist. */
    private static final List<OrderLine> LINES = List.of(OrderLine.of(1, 1), OrderLine.of(1, 2), OrderLine.of(2, 1),
            OrderLine.of(2, 2), OrderLine.of(3, 1), OrderLine.of(3, 2));

    /** How often each event and refusal occurred over all sequences. */
    private final Map<String, Integer> seen = new TreeMap<>();

    @Test
    void random_command_sequences_keep_every_rule() {
        for (int i = 0; i < SEQUENCES; i++) {
            new Sequence(FIRST_SEED + i).play();
        }
        if (SEQUENCES >= 100) {
            // the generator must keep reaching the rules worth testing, or this test proves little
            assertThat(seen).as("what %d sequences reached", SEQUENCES).containsKeys("BackorderFilled", "ReservationRejected", "StockLevelRecovered", "LowStockDetected",
                            "ReservationReleased", "ReservedStockIssued", "refused INSUFFICIENT_STOCK",
                            "refused RESERVATION_NOT_FOUND", "refused ILLEGAL_STATE", "several BackorderFilled at once");
        }
    }

    private final class Sequence {

        private final long seed;
        private final Random random;
        private final AggregateTestFixture<StockItem> fixture = new AggregateTestFixture<>(StockItem.class);
        private final List<Object> history = new ArrayList<>();
        private final List<String> log = new ArrayList<>();
        private final StockLedger ledger = new StockLedger();
        private RuleViolation refusal;
        private Exception crash;

        Sequence(long seed) {
            this.seed = seed;
            this.random = new Random(seed);
            fixture.registerInjectableResource(new FakeStockItemRegistry());
            fixture.registerCommandHandlerInterceptor(refusalRecorder());
        }

        void play() {
            try {
                List<Object> events = handle(register());
                events.forEach(ledger::fold);
                history.addAll(events);
                for (int step = 0; step < STEPS; step++) {
                    Object command = nextCommand();
                    events = handle(command);
                    log.add(command + (refusal == null ? "" : " REFUSED " + refusal.code() + ": " + refusal.getMessage()));
                    events.forEach(event -> log.add("  -> " + event));
                    checkOutcome(command, events);
                    count(events);
                    events.forEach(ledger::fold);
                    ledger.checkSettled();
                    history.addAll(events);
                }
            } catch (AssertionError broken) {
                throw new AssertionError("seed " + seed + ": " + broken.getMessage() + "\n" + String.join("\n", log), broken);
            }
        }

        private List<Object> handle(Object command) {
            refusal = null;
            crash = null;
            List<Object> published = new ArrayList<>();
            var executor = history.isEmpty() ? fixture.givenNoPriorActivity() : fixture.given(history);
            executor.when(command).expectEventsMatching(new BaseMatcher<List<? super EventMessage<?>>>() {
                @Override
                public boolean matches(Object actual) {
                    ((List<?>) actual).forEach(message -> published.add(((EventMessage<?>) message).getPayload()));
                    return true;
                }

                @Override
                public void describeTo(Description description) {
                    description.appendText("any events");
                }
            });
            return published;
        }

        private MessageHandlerInterceptor<CommandMessage<?>> refusalRecorder() {
            return (unitOfWork, chain) -> {
                try {
                    return chain.proceed();
                } catch (RuleViolation violation) {
                    refusal = violation;
                    throw violation;
                } catch (Exception unexpected) {
                    crash = unexpected;
                    throw unexpected;
                }
            };
        }

        private Object nextCommand() {
            int dice = random.nextInt(100);
            OrderLine line = LINES.get(random.nextInt(LINES.size()));
            if (dice < 20) {
                return new ReceiveStock(ITEM, quantity(1, 100), new BigDecimal(random.nextInt(0, 2000)).movePointLeft(2),
                        null, null, null);
            } else if (dice < 33) {
                return new AdjustStock(ITEM, BigDecimal.valueOf(random.nextInt(-60, 61), 1), "count", null);
            } else if (dice < 63) {
                return new ReserveStock(ITEM, line.workOrderId(), line.lineId(), quantity(1, 80));
            } else if (dice < 78) {
                return new ReleaseReservation(ITEM, line.workOrderId(), line.lineId());
            } else if (dice < 95) {
                return new IssueReservedStock(ITEM, line.workOrderId(), line.lineId());
            } else if (dice < 98) {
                return new ChangeStockItemDetails(ITEM, null, null, BigDecimal.valueOf(random.nextInt(0, 8)), null, null);
            }
            return new DiscontinueStockItem(ITEM, null);
        }

        /** Whole or tenths (litres, metres), between {@code min} and {@code max} tenths. */
        private BigDecimal quantity(int minTenths, int maxTenths) {
            BigDecimal tenths = BigDecimal.valueOf(random.nextInt(minTenths, maxTenths + 1), 1);
            return random.nextBoolean() ? tenths : tenths.setScale(0, RoundingMode.CEILING);
        }

        /** What the ledger, before folding, says this command must have produced. */
        private void checkOutcome(Object command, List<Object> events) {
            if (crash != null) {
                throw new AssertionError("the aggregate failed: " + crash, crash);
            }
            if (refusal != null) {
                require(events.isEmpty(), "a refused command emits nothing");
            }
            if (command instanceof ReceiveStock) {
                require(refusal == null && first(events) instanceof StockReceived, "a receipt is recorded");
            } else if (command instanceof AdjustStock c) {
                checkAdjustment(c, events);
            } else if (command instanceof ReserveStock c) {
                checkReservation(c, events);
            } else if (command instanceof ReleaseReservation c) {
                OrderLine line = new OrderLine(c.workOrderId(), c.lineId());
                require(ledger.isOpen(line) ? first(events) instanceof ReservationReleased : events.isEmpty(),
                        "release answers an open line, and only an open line");
            } else if (command instanceof IssueReservedStock c) {
                OrderLine line = new OrderLine(c.workOrderId(), c.lineId());
                if (ledger.backorderQueue.containsKey(line)) {
                    require(refusal != null && refusal.code() == ErrorCode.RESERVATION_NOT_FOUND, "a backorder is not issued");
                } else if (ledger.reserved.containsKey(line)) {
                    require(events.size() == 1 && events.get(0) instanceof ReservedStockIssued, "a reserved line is issued");
                } else {
                    require(events.isEmpty(), "issuing a line that is not open changes nothing");
                }
            } else if (command instanceof DiscontinueStockItem) {
                require(ledger.discontinued == (refusal != null), "discontinued once, refused after");
            }
        }

        private void checkAdjustment(AdjustStock command, List<Object> events) {
            BigDecimal after = ledger.onHand.add(command.quantityDelta());
            if (command.quantityDelta().signum() == 0) {
                require(refusal != null && refusal.code() == ErrorCode.INVALID_INPUT, "a zero adjustment is refused");
            } else if (after.compareTo(ledger.totalReserved()) < 0) {
                require(refusal != null && refusal.code() == ErrorCode.INSUFFICIENT_STOCK, "adjustment to " + after
                        + " below the " + ledger.totalReserved() + " reserved is refused");
                if (after.signum() >= 0) {
                    require(refusal.getMessage().endsWith("below the " + ledger.totalReserved().toPlainString() + " reserved"),
                            "the refusal names what is reserved: " + refusal.getMessage());
                }
            } else {
                require(refusal == null && first(events) instanceof StockAdjusted, "a possible adjustment is recorded");
            }
        }

        private void checkReservation(ReserveStock command, List<Object> events) {
            OrderLine line = new OrderLine(command.workOrderId(), command.lineId());
            if (ledger.isOpen(line)) {
                require(events.isEmpty(), "a repeated request changes nothing");
                return;
            }
            Class<?> expected = ledger.discontinued ? ReservationRejected.class
                    : ledger.backorderQueue.isEmpty() && command.quantity().compareTo(ledger.available()) <= 0
                    ? StockReserved.class : StockBackordered.class;
            require(expected.isInstance(first(events)), "expected " + expected.getSimpleName() + " but got " + events);
        }

        private void count(List<Object> events) {
            events.forEach(event -> seen.merge(event.getClass().getSimpleName(), 1, Integer::sum));
            if (refusal != null) {
                seen.merge("refused " + refusal.code(), 1, Integer::sum);
            }
            if (events.stream().filter(BackorderFilled.class::isInstance).count() > 1) {
                seen.merge("several BackorderFilled at once", 1, Integer::sum);
            }
        }

        private static Object first(List<Object> events) {
            return events.isEmpty() ? null : events.get(0);
        }

        private static void require(boolean rule, String message) {
            if (!rule) {
                throw new AssertionError(message);
            }
        }
    }
}
