package io.wrench.command.customer;

import io.wrench.command.CommandSideProcessing;
import io.wrench.command.LookupTable;
import io.wrench.shared.ErrorCode;
import io.wrench.shared.customer.AssetId;
import io.wrench.shared.customer.AssetRegistered;
import io.wrench.shared.customer.CustomerArchived;
import io.wrench.shared.customer.CustomerContactDetailsUpdated;
import io.wrench.shared.customer.CustomerId;
import io.wrench.shared.customer.CustomerRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * The registry's tables ({@code cmd_customer}, {@code cmd_asset}) are written by a subscribing
 * processor, inside the transaction that stores the event. Unique indexes are the last word: when two
 * commands race past the aggregate's check, the second insert fails and its command is rolled back
 * with the same rule violation.
 */
@Component
@ProcessingGroup(CommandSideProcessing.CUSTOMER_REGISTRY)
class JdbcCustomerRegistry extends LookupTable implements CustomerRegistry {

    JdbcCustomerRegistry(JdbcTemplate jdbc) {
        super(jdbc);
    }

    @Override
    public Optional<CustomerId> emailOwner(String email) {
        return first("select customer_id from cmd_customer where email_key = ?",
                (rs, i) -> new CustomerId(rs.getObject(1, UUID.class)), CustomerRegistry.normaliseEmail(email));
    }

    @Override
    public Optional<AssetId> vinOwner(String vin) {
        return first("select asset_id from cmd_asset where vin_key = ?",
                (rs, i) -> new AssetId(rs.getObject(1, UUID.class)), CustomerRegistry.normaliseVin(vin));
    }

    @Override
    public Optional<Boolean> isArchived(CustomerId customerId) {
        return first("select archived from cmd_customer where customer_id = ?",
                (rs, i) -> rs.getBoolean(1), customerId.value());
    }

    @Override
    public Optional<CustomerId> ownerOf(AssetId assetId) {
        return first("select customer_id from cmd_asset where asset_id = ?",
                (rs, i) -> new CustomerId(rs.getObject(1, UUID.class)), assetId.value());
    }

    @EventHandler
    void on(CustomerRegistered event) {
        writeUnique(() -> emailInUse(event.email()),
                "insert into cmd_customer (customer_id, email_key, archived) values (?, ?, false)",
                event.customerId().value(), CustomerRegistry.normaliseEmail(event.email()));
    }

    @EventHandler
    void on(CustomerContactDetailsUpdated event) {
        writeUnique(() -> emailInUse(event.email()), "update cmd_customer set email_key = ? where customer_id = ?",
                CustomerRegistry.normaliseEmail(event.email()), event.customerId().value());
    }

    @EventHandler
    void on(AssetRegistered event) {
        writeUnique(() -> new CustomerRuleViolation(ErrorCode.VIN_IN_USE, "VIN " + event.vin() + " is already registered"),
                "insert into cmd_asset (asset_id, customer_id, vin_key) values (?, ?, ?)",
                event.assetId().value(), event.customerId().value(), CustomerRegistry.normaliseVin(event.vin()));
    }

    @EventHandler
    void on(CustomerArchived event) {
        jdbc.update("update cmd_customer set archived = true where customer_id = ?", event.customerId().value());
    }

    @ResetHandler
    void reset() {
        clear("cmd_asset", "cmd_customer");
    }

    private static CustomerRuleViolation emailInUse(String email) {
        return new CustomerRuleViolation(ErrorCode.EMAIL_IN_USE, "email " + email + " is already in use");
    }
}
