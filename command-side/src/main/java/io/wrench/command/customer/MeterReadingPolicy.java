package io.wrench.command.customer;

import static io.wrench.shared.ErrorCode.READING_DECREASED;

/** An odometer or hours meter only ever counts up: a reading lower than the last one is refused. */
final class MeterReadingPolicy {

    private MeterReadingPolicy() {
    }

    /** @param last the asset's last reading, or null when none was recorded yet */
    static void check(Long last, long reading) {
        if (last != null && reading < last) {
            throw new CustomerRuleViolation(READING_DECREASED,
                    "reading " + reading + " is lower than the last reading " + last);
        }
    }
}
