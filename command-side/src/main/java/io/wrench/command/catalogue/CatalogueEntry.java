package io.wrench.command.catalogue;

import io.wrench.command.Input;
import io.wrench.command.catalogue.messages.DefineServiceEntry;
import io.wrench.command.catalogue.messages.RetireServiceEntry;
import io.wrench.command.catalogue.messages.ReviseServiceEntry;
import io.wrench.command.inventory.StockItemRegistry;
import io.wrench.shared.catalogue.ServiceEntryDefined;
import io.wrench.shared.catalogue.ServiceEntryId;
import io.wrench.shared.catalogue.ServiceEntryRetired;
import io.wrench.shared.catalogue.ServiceEntryRevised;
import io.wrench.shared.catalogue.ServiceLabour;
import io.wrench.shared.catalogue.ServicePart;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import static io.wrench.command.catalogue.CatalogueRuleViolation.INPUT;
import static io.wrench.shared.ErrorCode.ITEM_DISCONTINUED;
import static io.wrench.shared.ErrorCode.SERVICE_CODE_IN_USE;
import static io.wrench.shared.ErrorCode.SERVICE_RETIRED;
import static io.wrench.shared.ErrorCode.UNKNOWN_ITEM;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A catalogue entry and its revisions. Each revision is complete; the entry keeps only what the next
 * command needs to compare against.
 */
@Aggregate
class CatalogueEntry {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

    @AggregateIdentifier
    private ServiceEntryId entryId;
    private String code;
    private int revision;
    private boolean retired;
    private Content content;

    /** One revision's content, compared to tell whether a revision changes anything. */
    private record Content(String name, String description, String category, List<ServiceLabour> labourLines,
                           List<ServicePart> partLines, BigDecimal fixedPrice) {
    }

    protected CatalogueEntry() {
    }

    @CommandHandler
    CatalogueEntry(DefineServiceEntry command, ServiceCatalogue catalogue, StockItemRegistry stock) {
        String given = INPUT.text("code", command.code()).trim();
        if (!CODE.matcher(given).matches()) {
            throw INPUT.invalid("code must be 1 to 40 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        Content content = checked(command.name(), command.description(), command.category(), command.labourLines(),
                command.partLines(), command.fixedPrice(), stock);
        catalogue.codeOwner(given).ifPresent(owner -> {
            throw new CatalogueRuleViolation(SERVICE_CODE_IN_USE, "service code " + given + " is already in use");
        });
        apply(new ServiceEntryDefined(command.entryId(), given, 1, content.name(), content.description(),
                content.category(), content.labourLines(), content.partLines(), content.fixedPrice()));
    }

    @CommandHandler
    void handle(ReviseServiceEntry command, StockItemRegistry stock) {
        requireActive();
        Content next = checked(
                command.name() != null ? command.name() : content.name(),
                command.description() != null ? command.description() : content.description(),
                command.category() != null ? command.category() : content.category(),
                command.labourLines() != null ? command.labourLines() : content.labourLines(),
                command.partLines() != null ? command.partLines() : content.partLines(),
                command.clearFixedPrice() ? null : command.fixedPrice() != null ? command.fixedPrice() : content.fixedPrice(),
                stock);
        if (next.equals(content)) {
            return; // nothing changes, no new revision
        }
        apply(new ServiceEntryRevised(entryId, code, revision + 1, next.name(), next.description(), next.category(),
                next.labourLines(), next.partLines(), next.fixedPrice()));
    }

    @CommandHandler
    void handle(RetireServiceEntry command) {
        requireActive();
        apply(new ServiceEntryRetired(entryId, code, revision));
    }

    private void requireActive() {
        if (retired) {
            throw new CatalogueRuleViolation(SERVICE_RETIRED, "service " + code + " is retired");
        }
    }

    /** The rules of an entry's content, the same for its definition and each revision. */
    private static Content checked(String name, String description, String category, List<ServiceLabour> labour,
                                   List<ServicePart> parts, BigDecimal fixedPrice, StockItemRegistry stock) {
        INPUT.text("name", name);
        List<ServiceLabour> labourLines = new ArrayList<>();
        for (ServiceLabour line : Objects.requireNonNullElse(labour, List.<ServiceLabour>of())) {
            INPUT.required("labourLines[]", line);
            labourLines.add(new ServiceLabour(INPUT.text("labourLines[].description", line.description()).trim(),
                    INPUT.positive("labourLines[].hours", line.hours()),
                    INPUT.cents("labourLines[].hourlyRate", INPUT.notNegative("labourLines[].hourlyRate", line.hourlyRate()))));
        }
        List<ServicePart> partLines = new ArrayList<>();
        for (ServicePart line : Objects.requireNonNullElse(parts, List.<ServicePart>of())) {
            INPUT.required("partLines[]", line);
            INPUT.required("partLines[].itemId", line.itemId());
            INPUT.positive("partLines[].quantity", line.quantity());
            StockItemRegistry.Item item = stock.find(line.itemId()).orElseThrow(
                    () -> new CatalogueRuleViolation(UNKNOWN_ITEM, "no stock item " + line.itemId()));
            if (item.discontinued()) {
                throw new CatalogueRuleViolation(ITEM_DISCONTINUED, "stock item " + item.sku() + " is discontinued");
            }
            partLines.add(line);
        }
        if (fixedPrice != null) {
            INPUT.cents("fixedPrice", INPUT.notNegative("fixedPrice", fixedPrice));
        }
        if (labourLines.isEmpty() && partLines.isEmpty() && fixedPrice == null) {
            throw INPUT.invalid("an entry needs at least one labour or part line, or a fixed price");
        }
        return new Content(name.trim(), Input.blankToNull(description), Input.blankToNull(category),
                List.copyOf(labourLines), List.copyOf(partLines), fixedPrice);
    }

    @EventSourcingHandler
    void on(ServiceEntryDefined event) {
        entryId = event.entryId();
        code = event.code();
        revision = event.revision();
        content = new Content(event.name(), event.description(), event.category(), event.labourLines(),
                event.partLines(), event.fixedPrice());
    }

    @EventSourcingHandler
    void on(ServiceEntryRevised event) {
        revision = event.revision();
        content = new Content(event.name(), event.description(), event.category(), event.labourLines(),
                event.partLines(), event.fixedPrice());
    }

    @EventSourcingHandler
    void on(ServiceEntryRetired event) {
        retired = true;
    }
}
