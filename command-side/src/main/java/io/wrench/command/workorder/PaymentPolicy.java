package io.wrench.command.workorder;

import java.math.BigDecimal;

import static io.wrench.shared.ErrorCode.OVERPAYMENT;

/** A payment may not exceed what is still owed; the work order is PAID when nothing is left. */
final class PaymentPolicy {

    private PaymentPolicy() {
    }

    /** @return the balance after the payment */
    static BigDecimal balanceAfter(BigDecimal amount, BigDecimal balance) {
        if (amount.compareTo(balance) > 0) {
            throw new WorkOrderRuleViolation(OVERPAYMENT, "payment of " + amount + " exceeds the balance of " + balance);
        }
        return balance.subtract(amount);
    }

    static boolean isSettled(BigDecimal balance) {
        return balance.signum() == 0;
    }
}
