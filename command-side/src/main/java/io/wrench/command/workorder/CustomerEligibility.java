package io.wrench.command.workorder;

import io.wrench.shared.customer.AssetId;
import io.wrench.shared.customer.CustomerId;

/**
 * May this customer (and asset, when given) get a new work order? Backed by the command-side
 * customer lookup table, not the read side.
 */
public interface CustomerEligibility {

    /**
     * @throws WorkOrderRuleViolation with {@code UNKNOWN_CUSTOMER}, {@code CUSTOMER_ARCHIVED} or
     *                                {@code ASSET_NOT_OWNED} ({@code assetId} may be null: no asset)
     */
    void check(CustomerId customerId, AssetId assetId);
}
