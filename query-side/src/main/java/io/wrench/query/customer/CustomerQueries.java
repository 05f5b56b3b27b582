package io.wrench.query.customer;

import io.wrench.query.PageView;
import io.wrench.query.SearchText;
import io.wrench.query.Sorting;
import io.wrench.query.customer.messages.CustomerDetails;
import io.wrench.query.customer.messages.CustomerSummary;
import io.wrench.query.customer.messages.FindCustomer;
import io.wrench.query.customer.messages.FindCustomers;
import io.wrench.shared.customer.CustomerId;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The customer list and detail, read from the tables {@link CustomerProjection} keeps. */
@Component
class CustomerQueries {

    private final CustomerRepository customers;
    private final CustomerAssetRepository assets;
    private final CustomerWorkOrderRepository workOrders;

    CustomerQueries(CustomerRepository customers, CustomerAssetRepository assets, CustomerWorkOrderRepository workOrders) {
        this.customers = customers;
        this.assets = assets;
        this.workOrders = workOrders;
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
                        .map(a -> new CustomerDetails.Asset(new io.wrench.shared.customer.AssetId(a.id), a.description.kind,
                                a.description.make, a.description.model, a.description.year, a.description.vin,
                                a.description.serialNumber, a.description.licensePlate, a.odometer))
                        .toList(),
                workOrders.findByCustomerIdOrderByOpenedAtDescIdAsc(c.id).stream()
                        .map(w -> new CustomerDetails.WorkOrder(w.id, w.number, w.status, w.total))
                        .toList()));
    }
}
