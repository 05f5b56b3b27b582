package io.wrench.api.customer;

import io.wrench.query.customer.messages.CustomerViews;
import io.wrench.api.web.ReadsFrom;
import io.wrench.api.web.CommandAnswers;
import io.wrench.api.web.CommandResponses;
import io.wrench.api.web.FieldValidationException;
import io.wrench.api.web.ListParams;
import io.wrench.api.web.Queries;
import io.wrench.command.customer.messages.ArchiveCustomer;
import io.wrench.command.customer.messages.RecordOdometer;
import io.wrench.command.customer.messages.RegisterAsset;
import io.wrench.command.customer.messages.RegisterCustomer;
import io.wrench.command.customer.messages.UpdateContactDetails;
import io.wrench.query.PageView;
import io.wrench.query.customer.messages.CustomerDetails;
import io.wrench.query.customer.messages.CustomerSummary;
import io.wrench.query.customer.messages.FindCustomer;
import io.wrench.query.customer.messages.FindCustomers;
import io.wrench.shared.customer.AssetId;
import io.wrench.shared.customer.CustomerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

import static io.wrench.api.web.Queries.AS_OF_DOC;

@RestController
@ReadsFrom(CustomerViews.PROCESSOR)
@RequestMapping(path = "/api/customers", produces = "application/json")
@Tag(name = "Customers", description = "Customers and the vehicles and equipment they bring in")
class CustomerController {

    private final CommandResponses commands;
    private final Queries queries;

    CustomerController(CommandResponses commands, Queries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Register a customer (409 when the email is in use)")
    ResponseEntity<CommandAnswers.Created> register(@Valid @RequestBody CustomerRequests.RegisterCustomer body) {
        CustomerId id = CustomerId.random();
        return commands.created(new RegisterCustomer(id, body.name(), body.email(), body.phone(), body.address()),
                id);
    }

    @GetMapping
    @Operation(summary = "List customers; search matches name, email and phone")
    PageView<CustomerSummary> list(@RequestParam(required = false) String search,
                                   @RequestParam(required = false) Boolean archived,
                                   @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size,
                                   @RequestParam(required = false) String sort) {
        return queries.page(new FindCustomers(search, archived,
                ListParams.parse(page, size, sort, FindCustomers.sortFields())));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A customer with assets and work orders; ETag is the version")
    ResponseEntity<CustomerDetails> get(@PathVariable UUID id, @RequestParam(required = false) @io.swagger.v3.oas.annotations.Parameter(description = AS_OF_DOC) String asOf) {
        return queries.detail(new FindCustomer(new CustomerId(id)), CustomerDetails.class, CustomerDetails::version,
                "customer with id " + id, asOf);
    }

    @PatchMapping(path = "/{id}", consumes = "application/json")
    @Operation(summary = "Change any of name, email, phone, address")
    ResponseEntity<CommandAnswers.Versioned> update(@PathVariable UUID id,
                                               @Valid @RequestBody CustomerRequests.UpdateCustomer body) {
        if (body.isEmpty()) {
            throw new FieldValidationException("body", "name at least one of name, email, phone, address");
        }
        return commands.action(version -> new UpdateContactDetails(new CustomerId(id), body.name(), body.email(),
                body.phone(), body.address(), version));
    }

    @PostMapping(path = "/{id}/assets", consumes = "application/json")
    @Operation(summary = "Register a vehicle or equipment (409 when the VIN is in use)")
    ResponseEntity<CommandAnswers.Created> registerAsset(@PathVariable UUID id,
                                                      @Valid @RequestBody CustomerRequests.RegisterAsset body) {
        AssetId assetId = AssetId.random();
        return commands.childCreated(version -> new RegisterAsset(new CustomerId(id), assetId, body.kind(), body.make(),
                body.model(), body.year(), body.vin(), body.serialNumber(), body.licensePlate(), body.odometer(), version),
                assetId);
    }

    @PostMapping(path = "/{id}/assets/{assetId}/odometer", consumes = "application/json")
    @Operation(summary = "Record an odometer / hours reading (409 when lower than the last)")
    ResponseEntity<CommandAnswers.Versioned> recordReading(@PathVariable UUID id, @PathVariable UUID assetId,
                                                      @Valid @RequestBody CustomerRequests.RecordReading body) {
        return commands.action(version -> new RecordOdometer(new CustomerId(id), new AssetId(assetId),
                body.reading(), version));
    }

    @PostMapping("/{id}/archive")
    @Operation(summary = "Archive: no new work orders; history stays")
    ResponseEntity<CommandAnswers.Versioned> archive(@PathVariable UUID id) {
        return commands.action(version -> new ArchiveCustomer(new CustomerId(id), version));
    }
}
