package io.wrench.command.workorder;

import io.wrench.shared.Money;
import io.wrench.command.workorder.messages.AddPartLine;
import io.wrench.shared.workorder.PartLineAdded;
import io.wrench.shared.workorder.WorkOrderId;

import java.math.BigDecimal;

import static io.wrench.command.workorder.WorkOrderRuleViolation.INPUT;
import static io.wrench.shared.ErrorCode.ITEM_DISCONTINUED;
import static io.wrench.shared.ErrorCode.UNKNOWN_ITEM;

/**
 * Turns a request for a part line into the line's event: only known, current items can be added, at
 * the given price or else the catalogue's cost-based one, with the amount computed once, here.
 * Whether there is stock is not asked here: that is inventory's answer, later.
 */
final class PartLineRequest {

    private PartLineRequest() {
    }

    static PartLineAdded decide(WorkOrderId workOrderId, AddPartLine command, PartCatalog catalog, PricingPolicy pricing) {
        BigDecimal quantity = INPUT.positive("quantity", command.quantity());
        PartCatalog.Part part = catalog.find(INPUT.required("itemId", command.itemId())).orElseThrow(
                () -> new WorkOrderRuleViolation(UNKNOWN_ITEM, "no stock item " + command.itemId()));
        if (part.discontinued()) {
            throw new WorkOrderRuleViolation(ITEM_DISCONTINUED, "stock item " + part.sku() + " is discontinued");
        }
        BigDecimal unitPrice = command.unitPrice() != null
                ? INPUT.notNegative("unitPrice", command.unitPrice())
                : Money.cents(pricing.defaultUnitPrice(part.unitCost()));
        return new PartLineAdded(workOrderId, command.lineId(), command.itemId(), part.sku(), part.name(), quantity,
                unitPrice, Money.line(quantity, unitPrice));
    }
}
