package io.wrench.command.workorder;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SequenceWorkOrderNumbersTest {

    @Test
    void a_number_is_the_year_and_six_zero_padded_digits() {
        assertEquals("WO-2026-000042", SequenceWorkOrderNumbers.format(2026, 42));
    }

    @Test
    void beyond_six_digits_the_digits_are_kept() {
        assertEquals("WO-2027-1000000", SequenceWorkOrderNumbers.format(2027, 1_000_000));
    }
}
