package io.wrench.command.workorder;

import io.wrench.shared.Money;
import io.wrench.shared.workorder.WorkOrderId;
import io.wrench.shared.workorder.WorkOrderInvoiced;

import java.math.BigDecimal;
import java.util.Collection;

/**
 * Labour and parts before tax. Each line's amount is rounded to cents first, then summed; tax is
 * rounded once, on the sum. Released or removed part lines are not charged.
 */
record Totals(BigDecimal labour, BigDecimal parts) {

    static Totals of(Collection<LabourLine> labourLines, Collection<PartLine> partLines) {
        BigDecimal labour = labourLines.stream().map(LabourLine::amount).reduce(Money.ZERO, BigDecimal::add);
        BigDecimal parts = partLines.stream().filter(PartLine::isCharged).map(PartLine::amount)
                .reduce(Money.ZERO, BigDecimal::add);
        return new Totals(labour, parts);
    }

    BigDecimal net() {
        return labour.add(parts);
    }

    WorkOrderInvoiced invoice(WorkOrderId workOrderId, BigDecimal taxRate) {
        BigDecimal tax = Money.cents(net().multiply(taxRate));
        return new WorkOrderInvoiced(workOrderId, labour, parts, taxRate, tax, net().add(tax));
    }
}
