package io.wrench.query.customer;

import io.wrench.query.PageView;
import io.wrench.query.SearchText;
import io.wrench.query.Sorting;
import io.wrench.query.customer.api.CustomerDetails;
import io.wrench.query.customer.api.CustomerSummary;
import io.wrench.query.customer.api.FindCustomer;
import io.wrench.query.customer.api.FindCustomers;
import io.wrench.shared.customer.AssetRegistered;
import io.wrench.shared.customer.CustomerArchived;
import io.wrench.shared.customer.CustomerContactDetailsUpdated;
import io.wrench.shared.customer.CustomerId;
import io.wrench.shared.customer.CustomerRegistered;
import io.wrench.shared.customer.OdometerRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The customer list and detail. Each handler skips an event the row has already seen (its sequence
 * number is not above the row's version), so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(CustomerProjection.NAME)
class CustomerProjection {

    static final String NAME = "customer-projection";

    private final CustomerRepository customers;
    private final CustomerAssetRepository assets;
    private final CustomerWorkOrderRepository workOrders;

    CustomerProjection(CustomerRepository customers, CustomerAssetRepository assets,
                       CustomerWorkOrderRepository workOrders) {
        this.customers = customers;
        this.assets = assets;
        this.workOrders = workOrders;
    }

    @EventHandler
    void on(CustomerRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (customers.existsById(event.customerId().value())) {
            return;
        }
        CustomerEntity customer = new CustomerEntity(event.customerId().value());
        customer.contact(event.name(), event.email(), event.phone(), event.address());
        customer.registeredAt = at;
        customer.version = sequence;
        customers.save(customer);
    }

    @EventHandler
    void on(CustomerContactDetailsUpdated event, @SequenceNumber long sequence) {
        update(event.customerId(), sequence, c -> c.contact(event.name(), event.email(), event.phone(), event.address()));
    }

    @EventHandler
    void on(AssetRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.customerId(), sequence, c -> {
            CustomerAssetEntity asset = new CustomerAssetEntity();
            asset.id = event.assetId().value();
            asset.customerId = c.id;
            asset.kind = event.kind();
            asset.make = event.make();
            asset.model = event.model();
            asset.year = event.year();
            asset.vin = event.vin();
            asset.serialNumber = event.serialNumber();
            asset.licensePlate = event.licensePlate();
            asset.odometer = event.odometer();
            asset.registeredAt = at;
            assets.save(asset);
            c.assetCount++;
        });
    }

    @EventHandler
    void on(OdometerRecorded event, @SequenceNumber long sequence) {
        update(event.customerId(), sequence,
                c -> assets.findById(event.assetId().value()).ifPresent(a -> a.odometer = event.reading()));
    }

    @EventHandler
    void on(CustomerArchived event, @SequenceNumber long sequence) {
        update(event.customerId(), sequence, c -> c.archived = true);
    }

    private void update(CustomerId id, long sequence, Consumer<CustomerEntity> change) {
        customers.findById(id.value()).filter(c -> sequence > c.version).ifPresent(c -> {
            change.accept(c);
            c.version = sequence;
        });
    }

    @ResetHandler
    void reset() {
        workOrders.deleteAllInBulk();
        assets.deleteAllInBulk();
        customers.deleteAllInBulk();
    }

    /** Declared raw: Axon matches a query's response type against the raw class. */
    @QueryHandler
    @Transactional(readOnly = true)
    @SuppressWarnings("rawtypes")
    PageView handle(FindCustomers query) {
        Specification<CustomerEntity> spec = SearchText.contains(query.search());
        if (query.archived() != null) {
            spec = spec.and((root, q, cb) -> cb.equal(root.get("archived"), query.archived()));
        }
        var page = customers.findAll(spec, Sorting.pageable(query.page(), FindCustomers.SORTABLE, "name", "id"))
                .map(c -> new CustomerSummary(new CustomerId(c.id), c.name, c.email, c.phone, c.archived,
                        c.assetCount, c.openWorkOrders));
        return PageView.of(page);
    }

    @QueryHandler
    @Transactional(readOnly = true)
    Optional<CustomerDetails> handle(FindCustomer query) {
        return customers.findById(query.customerId().value()).map(c -> new CustomerDetails(
                new CustomerId(c.id), c.name, c.email, c.phone, c.address, c.archived, c.version, c.registeredAt,
                assets.findByCustomerIdOrderByRegisteredAtAscIdAsc(c.id).stream()
                        .map(a -> new CustomerDetails.Asset(new io.wrench.shared.customer.AssetId(a.id), a.kind,
                                a.make, a.model, a.year, a.vin, a.serialNumber, a.licensePlate, a.odometer))
                        .toList(),
                workOrders.findByCustomerIdOrderByOpenedAtDescIdAsc(c.id).stream()
                        .map(w -> new CustomerDetails.WorkOrder(w.id, w.number, w.status, w.total))
                        .toList()));
    }
}
