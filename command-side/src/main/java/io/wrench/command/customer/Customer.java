package io.wrench.command.customer;

import io.wrench.command.customer.messages.ArchiveCustomer;
import io.wrench.command.customer.messages.ChangeNotificationPreferences;
import io.wrench.command.customer.messages.RecordOdometer;
import io.wrench.command.customer.messages.RegisterAsset;
import io.wrench.command.customer.messages.RegisterCustomer;
import io.wrench.command.customer.messages.UpdateContactDetails;
import io.wrench.command.Input;
import io.wrench.shared.customer.AssetId;
import io.wrench.shared.customer.AssetRegistered;
import io.wrench.shared.customer.CustomerArchived;
import io.wrench.shared.customer.CustomerContactDetailsUpdated;
import io.wrench.shared.customer.CustomerId;
import io.wrench.shared.customer.CustomerNotificationPreferencesChanged;
import io.wrench.shared.customer.CustomerRegistered;
import io.wrench.shared.customer.OdometerRecorded;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import static io.wrench.command.customer.CustomerRuleViolation.INPUT;
import static io.wrench.shared.ErrorCode.ASSET_NOT_FOUND;
import static io.wrench.shared.ErrorCode.CUSTOMER_ARCHIVED;
import static io.wrench.shared.ErrorCode.EMAIL_IN_USE;
import static io.wrench.shared.ErrorCode.INVALID_INPUT;
import static io.wrench.shared.ErrorCode.VIN_IN_USE;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

@Aggregate(cache = "aggregateCache")
class Customer {


    @AggregateIdentifier
    private CustomerId customerId;
    private String name;
    private String email;
    private String phone;
    private String address;
    private boolean archived;
    /** Notification e-mails wanted (the default until the customer opts out), and in which language. */
    private boolean emailNotifications = true;
    private String language;
    /** Last meter reading per asset (null until one is known). */
    private final Map<AssetId, Long> readings = new HashMap<>();

    protected Customer() {
    }

    @CommandHandler
    Customer(RegisterCustomer command, CustomerRegistry registry) {
        INPUT.text("name", command.name());
        INPUT.text("email", command.email());
        registry.emailOwner(command.email()).ifPresent(owner -> {
            throw new CustomerRuleViolation(EMAIL_IN_USE, "email " + command.email() + " is already in use");
        });
        apply(new CustomerRegistered(command.customerId(), command.name().trim(), command.email().trim(),
                Input.blankToNull(command.phone()), Input.blankToNull(command.address())));
    }

    @CommandHandler
    void handle(UpdateContactDetails command, CustomerRegistry registry) {
        String newName = command.name() == null ? name : INPUT.text("name", command.name()).trim();
        String newEmail = command.email() == null ? email : INPUT.text("email", command.email()).trim();
        if (!CustomerRegistry.normaliseEmail(newEmail).equals(CustomerRegistry.normaliseEmail(email))) {
            registry.emailOwner(newEmail).filter(owner -> !owner.equals(customerId)).ifPresent(owner -> {
                throw new CustomerRuleViolation(EMAIL_IN_USE, "email " + newEmail + " is already in use");
            });
        }
        String newPhone = command.phone() == null ? phone : Input.blankToNull(command.phone());
        String newAddress = command.address() == null ? address : Input.blankToNull(command.address());
        if (newName.equals(name) && newEmail.equals(email) && Objects.equals(newPhone, phone)
                && Objects.equals(newAddress, address)) {
            return; // nothing changes, nothing to record
        }
        apply(new CustomerContactDetailsUpdated(customerId, newName, newEmail, newPhone, newAddress));
    }

    @CommandHandler
    void handle(RegisterAsset command, CustomerRegistry registry) {
        if (archived) {
            throw new CustomerRuleViolation(CUSTOMER_ARCHIVED, "customer " + customerId + " is archived: no new assets");
        }
        Objects.requireNonNull(command.kind(), "kind");
        INPUT.text("make", command.make());
        INPUT.text("model", command.model());
        if (command.odometer() != null) {
            INPUT.notNegative("odometer", command.odometer());
        }
        String vin = CustomerRegistry.normaliseVin(command.vin());
        if (vin != null) {
            registry.vinOwner(vin).ifPresent(owner -> {
                throw new CustomerRuleViolation(VIN_IN_USE, "VIN " + vin + " is already registered");
            });
        }
        apply(new AssetRegistered(customerId, command.assetId(), command.kind(), command.make().trim(),
                command.model().trim(), command.year(), vin, Input.blankToNull(command.serialNumber()),
                Input.blankToNull(command.licensePlate()), command.odometer()));
    }

    @CommandHandler
    void handle(RecordOdometer command) {
        if (!readings.containsKey(command.assetId())) {
            throw new CustomerRuleViolation(ASSET_NOT_FOUND,
                    "customer " + customerId + " has no asset " + command.assetId());
        }
        INPUT.notNegative("reading", command.reading());
        MeterReadingPolicy.check(readings.get(command.assetId()), command.reading());
        apply(new OdometerRecorded(customerId, command.assetId(), command.reading()));
    }

    @CommandHandler
    void handle(ArchiveCustomer command) {
        if (archived) {
            throw new CustomerRuleViolation(CUSTOMER_ARCHIVED, "customer " + customerId + " is already archived");
        }
        apply(new CustomerArchived(customerId));
    }

    @CommandHandler
    void handle(ChangeNotificationPreferences command) {
        String newLanguage = Input.blankToNull(command.language());
        if (newLanguage != null) {
            newLanguage = newLanguage.strip().toLowerCase(java.util.Locale.ROOT);
            if (!newLanguage.matches("[a-z]{2}")) {
                throw new CustomerRuleViolation(INVALID_INPUT, "language must be a two-letter ISO 639-1 code such as de");
            }
        }
        if (command.email() == emailNotifications && Objects.equals(newLanguage, language)) {
            return; // as the customer already wanted
        }
        apply(new CustomerNotificationPreferencesChanged(customerId, command.email(), newLanguage));
    }

    @EventSourcingHandler
    void on(CustomerNotificationPreferencesChanged event) {
        emailNotifications = event.email();
        language = event.language();
    }

    @EventSourcingHandler
    void on(CustomerRegistered event) {
        customerId = event.customerId();
        contact(event.name(), event.email(), event.phone(), event.address());
    }

    @EventSourcingHandler
    void on(CustomerContactDetailsUpdated event) {
        contact(event.name(), event.email(), event.phone(), event.address());
    }

    private void contact(String name, String email, String phone, String address) {
        this.name = name;
        this.email = email;
        this.phone = phone;
        this.address = address;
    }

    @EventSourcingHandler
    void on(AssetRegistered event) {
        readings.put(event.assetId(), event.odometer());
    }

    @EventSourcingHandler
    void on(OdometerRecorded event) {
        readings.put(event.assetId(), event.reading());
    }

    @EventSourcingHandler
    void on(CustomerArchived event) {
        archived = true;
    }
}
