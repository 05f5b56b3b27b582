package io.wrench.command.workorder;

import io.wrench.command.customer.CustomerRegistry;
import io.wrench.shared.ErrorCode;
import io.wrench.shared.customer.AssetId;
import io.wrench.shared.customer.CustomerId;
import org.springframework.stereotype.Component;

/** Asks the command-side customer registry, which is written in the same transaction as the customer's events. */
@Component
class RegistryCustomerEligibility implements CustomerEligibility {

    private final CustomerRegistry registry;

    RegistryCustomerEligibility(CustomerRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void check(CustomerId customerId, AssetId assetId) {
        boolean archived = registry.isArchived(customerId).orElseThrow(() -> new WorkOrderRuleViolation(
                ErrorCode.UNKNOWN_CUSTOMER, "no customer " + customerId));
        if (archived) {
            throw new WorkOrderRuleViolation(ErrorCode.CUSTOMER_ARCHIVED,
                    "customer " + customerId + " is archived and gets no new work orders");
        }
        if (assetId != null && !registry.ownerOf(assetId).map(customerId::equals).orElse(false)) {
            throw new WorkOrderRuleViolation(ErrorCode.ASSET_NOT_OWNED,
                    "asset " + assetId + " is not one of customer " + customerId + "'s assets");
        }
    }
}
