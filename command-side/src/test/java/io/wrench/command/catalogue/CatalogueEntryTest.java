package io.wrench.command.catalogue;

import io.wrench.command.catalogue.messages.DefineServiceEntry;
import io.wrench.command.catalogue.messages.RetireServiceEntry;
import io.wrench.command.catalogue.messages.ReviseServiceEntry;
import io.wrench.command.inventory.FakeStockItemRegistry;
import io.wrench.command.inventory.StockItemRegistry;
import io.wrench.shared.ErrorCode;
import io.wrench.shared.catalogue.ServiceEntryDefined;
import io.wrench.shared.catalogue.ServiceEntryId;
import io.wrench.shared.catalogue.ServiceEntryRetired;
import io.wrench.shared.catalogue.ServiceEntryRevised;
import io.wrench.shared.catalogue.ServiceLabour;
import io.wrench.shared.catalogue.ServicePart;
import io.wrench.shared.inventory.StockItemId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

/** The catalogue's rules, one test per rule. */
class CatalogueEntryTest {

    private static final String CODE = "BRAKES-FRONT";
    private static final ServiceEntryId ENTRY = ServiceEntryId.random();
    private static final StockItemId PADS = StockItemId.of("00000000-0000-0000-0000-00000000b001");
    private static final StockItemId OLD_FILTER = StockItemId.of("00000000-0000-0000-0000-00000000b002");
    private static final List<ServiceLabour> LABOUR = List.of(
            new ServiceLabour("Replace front pads", new BigDecimal("1.5"), new BigDecimal("80.00")));
    private static final List<ServicePart> PARTS = List.of(new ServicePart(PADS, new BigDecimal("2")));

    private final FakeServiceCatalogue codes = new FakeServiceCatalogue();
    private AggregateTestFixture<CatalogueEntry> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CatalogueEntry.class);
        fixture.registerInjectableResource(codes);
        fixture.registerInjectableResource(new FakeStockItemRegistry()
                .with(PADS, new StockItemRegistry.Item("BP-001", "Brake pads", new BigDecimal("9.99"), false))
                .with(OLD_FILTER, new StockItemRegistry.Item("OF-007", "Oil filter", new BigDecimal("4.00"), true)));
    }

    private static ServiceEntryDefined defined() {
        return new ServiceEntryDefined(ENTRY, CODE, 1, "Front brakes", null, "Brakes", LABOUR, PARTS, null);
    }

    private static DefineServiceEntry define(String code, List<ServiceLabour> labour, List<ServicePart> parts,
                                             BigDecimal fixedPrice) {
        return new DefineServiceEntry(ENTRY, code, " Front brakes ", " ", "Brakes", labour,
                parts, fixedPrice);
    }

    private static ReviseServiceEntry revise(String name, BigDecimal fixedPrice) {
        return new ReviseServiceEntry(ENTRY, name, null, null, null, null, fixedPrice, false, null);
    }

    private static Matcher<Object> violation(ErrorCode code) {
        return new CustomTypeSafeMatcher<>("a catalogue rule violation " + code) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof CatalogueRuleViolation v && v.code() == code;
            }
        };
    }

    @Test
    void an_entry_is_defined_as_revision_1_with_trimmed_details() {
        fixture.givenNoPriorActivity()
                .when(define(CODE, LABOUR, PARTS, null))
                .expectEvents(defined());
    }

    @Test
    void a_code_in_use_is_refused_whatever_its_case() {
        codes.taken(CODE, ServiceEntryId.random());
        fixture.givenNoPriorActivity()
                .when(new DefineServiceEntry(ENTRY, "brakes-front", "x", null, null,
                        LABOUR, List.of(), null))
                .expectNoEvents()
                .expectException(violation(ErrorCode.SERVICE_CODE_IN_USE));
    }

    @Test
    void an_entry_without_lines_or_fixed_price_is_invalid() {
        fixture.givenNoPriorActivity()
                .when(define(CODE, List.of(), List.of(), null))
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_INPUT));
    }

    @Test
    void a_fixed_price_alone_is_an_entry() {
        fixture.givenNoPriorActivity()
                .when(define(CODE, null, null, new BigDecimal("49.00")))
                .expectEvents(new ServiceEntryDefined(ENTRY, CODE, 1, "Front brakes", null, "Brakes", List.of(),
                        List.of(), new BigDecimal("49.00")));
    }

    @Test
    void a_malformed_code_is_invalid() {
        fixture.givenNoPriorActivity()
                .when(define("no spaces", LABOUR, List.of(), null))
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_INPUT));
    }

    @Test
    void a_part_that_is_unknown_or_discontinued_is_refused() {
        fixture.givenNoPriorActivity()
                .when(define(CODE, LABOUR, List.of(new ServicePart(OLD_FILTER, BigDecimal.ONE)), null))
                .expectNoEvents()
                .expectException(violation(ErrorCode.ITEM_DISCONTINUED));
        fixture.givenNoPriorActivity()
                .when(define(CODE, LABOUR, List.of(new ServicePart(StockItemId.random(), BigDecimal.ONE)), null))
                .expectNoEvents()
                .expectException(violation(ErrorCode.UNKNOWN_ITEM));
    }

    @Test
    void a_revision_is_complete_and_numbered_next() {
        fixture.given(defined())
                .when(revise("Front brakes and discs", new BigDecimal("150.00")))
                .expectEvents(new ServiceEntryRevised(ENTRY, CODE, 2, "Front brakes and discs", null, "Brakes", LABOUR,
                        PARTS, new BigDecimal("150.00")));
    }

    @Test
    void a_revision_that_changes_nothing_is_not_recorded() {
        fixture.given(defined())
                .when(revise("Front brakes", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_retired_entry_is_neither_revised_nor_retired_again() {
        fixture.given(defined(), new ServiceEntryRetired(ENTRY, CODE, 1))
                .when(revise("Anything", null))
                .expectNoEvents()
                .expectException(violation(ErrorCode.SERVICE_RETIRED));
        fixture.given(defined(), new ServiceEntryRetired(ENTRY, CODE, 1))
                .when(new RetireServiceEntry(ENTRY, null))
                .expectNoEvents()
                .expectException(violation(ErrorCode.SERVICE_RETIRED));
    }

    @Test
    void retiring_records_the_revision_that_was_current() {
        fixture.given(defined(), new ServiceEntryRevised(ENTRY, CODE, 2, "Front brakes", null, "Brakes", LABOUR,
                        PARTS, null))
                .when(new RetireServiceEntry(ENTRY, null))
                .expectEvents(new ServiceEntryRetired(ENTRY, CODE, 2));
    }
}
