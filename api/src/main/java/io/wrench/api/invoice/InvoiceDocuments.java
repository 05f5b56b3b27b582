package io.wrench.api.invoice;

import io.wrench.api.config.WrenchProperties;
import io.wrench.api.web.ConflictException;
import io.wrench.api.web.NotFoundException;
import io.wrench.api.web.Queries;
import io.wrench.api.web.Sha256;
import io.wrench.query.customer.messages.CustomerDetails;
import io.wrench.query.customer.messages.FindCustomer;
import io.wrench.query.workorder.messages.FindWorkOrder;
import io.wrench.query.workorder.messages.WorkOrderDetails;
import io.wrench.shared.workorder.PartLineStatus;
import io.wrench.shared.workorder.WorkOrderId;
import io.wrench.shared.workorder.WorkOrderInvoiced;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The invoice of an invoiced work order: its date is the WorkOrderInvoiced event's, read from the event
 * store; the figures are the read side's (the invoiced totals, the lines, the payments so far).
 */
@Component
public class InvoiceDocuments {

    private final EventStore eventStore;
    private final Queries queries;
    private final WrenchProperties properties;
    private final InvoiceRecords records;
    private final Clock clock;

    InvoiceDocuments(EventStore eventStore, Queries queries, WrenchProperties properties, InvoiceRecords records,
                     Clock clock) {
        this.eventStore = eventStore;
        this.queries = queries;
        this.properties = properties;
        this.records = records;
        this.clock = clock;
    }

    /** The PDF and its SHA-256. */
    public record Document(String number, byte[] pdf, String sha256) {
    }

    /** Renders the invoice and records its hash the first time this document is handed out. */
    public Document issue(WorkOrderId id, String issuedTo) {
        Document document = render(id);
        records.issued(id.value(), document.number(), document.sha256(), issuedTo, clock.instant());
        return document;
    }

    Document render(WorkOrderId id) {
        WorkOrderDetails details = queries.optional(new FindWorkOrder(id), WorkOrderDetails.class)
                .orElseThrow(() -> new NotFoundException("no work order with id " + id));
        DomainEventMessage<?> invoiced = invoicedEvent(id).orElseThrow(() -> new ConflictException(
                "work order " + details.number() + " is " + details.status() + ": it has an invoice once it is invoiced"));
        if (details.totals().taxRate() == null) {
            throw new ConflictException("the invoice of work order " + details.number() + " is still being prepared; "
                    + "retry, or send the invoice command's X-Consistency-Token");
        }
        Invoice invoice = invoiceOf(details, invoiced);
        byte[] pdf = InvoicePdf.render(invoice);
        return new Document(invoice.number(), pdf, Sha256.hex(pdf));
    }

    /** One invoice per work order: WO-2026-000042 is invoiced as INV-2026-000042. */
    static String invoiceNumber(String workOrderNumber) {
        return workOrderNumber.startsWith("WO-") ? "INV-" + workOrderNumber.substring(3) : "INV-" + workOrderNumber;
    }

    private Invoice invoiceOf(WorkOrderDetails details, DomainEventMessage<?> invoicedMessage) {
        ZoneId zone = properties.getShop().getTimeZone();
        WrenchProperties.Shop shop = properties.getShop();
        Optional<CustomerDetails> customer = queries.optional(new FindCustomer(details.customer().id()),
                CustomerDetails.class);
        List<String> customerLines = new ArrayList<>();
        customer.ifPresent(c -> {
            if (c.address() != null) {
                customerLines.addAll(lines(c.address()));
            }
            customerLines.add(c.email());
        });
        List<Invoice.Line> lines = new ArrayList<>();
        details.labourLines().forEach(line -> lines.add(new Invoice.Line("Labour", line.description(), line.hours(),
                line.hourlyRate(), line.amount())));
        details.partLines().stream().filter(line -> line.status() != PartLineStatus.RELEASED)
                .forEach(line -> lines.add(new Invoice.Line("Part", line.sku() + " " + line.name(), line.quantity(),
                        line.unitPrice(), line.amount())));
        WorkOrderInvoiced invoiced = (WorkOrderInvoiced) invoicedMessage.getPayload();
        WorkOrderDetails.Totals totals = details.totals();
        return new Invoice(invoiceNumber(details.number()), details.number(),
                LocalDate.ofInstant(invoicedMessage.getTimestamp(), zone),
                new Invoice.Party(shop.getName(), lines(shop.getAddress())), shop.getTaxNumber(),
                new Invoice.Party(details.customer().name(), customerLines), asset(details.asset()), lines,
                invoiced.labour(), invoiced.parts(), invoiced.taxRate(), invoiced.tax(), invoiced.total(),
                details.payments().stream().map(p -> new Invoice.Payment(LocalDate.ofInstant(p.at(), zone),
                        p.method().name(), p.amount())).toList(),
                totals.paid(), totals.balance());
    }

    private Optional<DomainEventMessage<?>> invoicedEvent(WorkOrderId id) {
        return eventStore.readEvents(id.toString(), 0L).asStream()
                .filter(event -> event.getPayload() instanceof WorkOrderInvoiced)
                .<DomainEventMessage<?>>map(event -> event)
                .findFirst();
    }

    private static String asset(WorkOrderDetails.Asset asset) {
        if (asset == null) {
            return null;
        }
        String identity = Stream.of(asset.licensePlate(), asset.vin() == null ? null : "VIN " + asset.vin(),
                        asset.serialNumber() == null ? null : "S/N " + asset.serialNumber())
                .filter(part -> part != null && !part.isBlank()).findFirst().orElse("");
        return String.join(" ", Stream.of(asset.make(), asset.model(),
                        asset.year() == null ? null : "(" + asset.year() + ")", identity.isEmpty() ? null : "– " + identity)
                .filter(part -> part != null && !part.isBlank()).toList());
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
