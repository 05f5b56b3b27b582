package io.wrench.api.catalogue;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wrench.api.web.CommandAnswers;
import io.wrench.api.web.CommandResponses;
import io.wrench.api.web.FieldValidationException;
import io.wrench.api.web.ListParams;
import io.wrench.api.web.NotFoundException;
import io.wrench.api.web.Queries;
import io.wrench.command.catalogue.ServiceCatalogue;
import io.wrench.command.catalogue.messages.DefineServiceEntry;
import io.wrench.command.catalogue.messages.RetireServiceEntry;
import io.wrench.command.catalogue.messages.ReviseServiceEntry;
import io.wrench.query.PageView;
import io.wrench.query.catalogue.messages.FindServiceEntries;
import io.wrench.query.catalogue.messages.FindServiceEntry;
import io.wrench.query.catalogue.messages.ServiceEntrySummary;
import io.wrench.query.catalogue.messages.ServiceEntryView;
import io.wrench.shared.catalogue.ServiceEntryId;
import io.wrench.shared.catalogue.ServiceLabour;
import io.wrench.shared.catalogue.ServicePart;
import io.wrench.shared.inventory.StockItemId;
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

import java.util.List;

@RestController
@RequestMapping(path = "/api/catalogue", produces = "application/json")
@Tag(name = "Catalogue", description = "The service catalogue: canned jobs a work order or an appointment names by code")
class CatalogueController {

    private final CommandResponses commands;
    private final Queries queries;
    private final ServiceCatalogue registry;

    CatalogueController(CommandResponses commands, Queries queries, ServiceCatalogue registry) {
        this.commands = commands;
        this.queries = queries;
        this.registry = registry;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Define a catalogue entry, revision 1 (409 when the code is in use)")
    ResponseEntity<CommandAnswers.Created> define(@Valid @RequestBody CatalogueRequests.DefineEntry body) {
        ServiceEntryId id = ServiceEntryId.random();
        return commands.createdAt(new DefineServiceEntry(id, body.code(), body.name(), body.description(),
                body.category(), labour(body.labourLines()), parts(body.partLines()), body.fixedPrice()), id,
                "/api/catalogue/" + body.code().trim());
    }

    @GetMapping
    @Operation(summary = "List the catalogue; search matches code, name, category and description")
    PageView<ServiceEntrySummary> list(@RequestParam(required = false) String search,
                                       @RequestParam(required = false) Boolean retired,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size,
                                       @RequestParam(required = false) String sort) {
        return queries.page(new FindServiceEntries(search, retired,
                ListParams.parse(page, size, sort, FindServiceEntries.sortFields())));
    }

    @GetMapping("/{code}")
    @Operation(summary = "An entry's current revision, by code (case-insensitive); ETag is the version")
    ResponseEntity<ServiceEntryView> get(@PathVariable String code) {
        return queries.detail(new FindServiceEntry(known(code)), ServiceEntryView.class, ServiceEntryView::version,
                "catalogue entry " + code);
    }

    @PatchMapping(path = "/{code}", consumes = "application/json")
    @Operation(summary = "A new revision: the fields given replace the current ones; work orders keep theirs")
    ResponseEntity<CommandAnswers.Versioned> revise(@PathVariable String code,
                                                    @Valid @RequestBody CatalogueRequests.ReviseEntry body) {
        if (body.isEmpty()) {
            throw new FieldValidationException("body", "name at least one field to revise");
        }
        ServiceEntryId id = entry(code);
        return commands.action(version -> new ReviseServiceEntry(id, body.name(), body.description(), body.category(),
                body.labourLines() == null ? null : labour(body.labourLines()),
                body.partLines() == null ? null : parts(body.partLines()), body.fixedPrice(),
                Boolean.TRUE.equals(body.clearFixedPrice()), version));
    }

    @PostMapping("/{code}/retire")
    @Operation(summary = "Retire: no longer applied to work orders nor booked (409 when already retired)")
    ResponseEntity<CommandAnswers.Versioned> retire(@PathVariable String code) {
        ServiceEntryId id = entry(code);
        return commands.action(version -> new RetireServiceEntry(id, version));
    }

    /**
     * The entry a code names, from the command side's own registry (the commands' lookup, never the
     * eventually consistent read side): a code just defined can be revised at once.
     */
    private ServiceEntryId entry(String code) {
        return registry.codeOwner(known(code)).orElseThrow(() -> new NotFoundException("no catalogue entry " + code));
    }

    /** A path that cannot be a code names no entry. */
    private static String known(String code) {
        if (!code.matches(CatalogueRequests.CODE)) {
            throw new NotFoundException("no catalogue entry " + code);
        }
        return code;
    }

    private static List<ServiceLabour> labour(List<CatalogueRequests.ServiceLabourLine> lines) {
        return lines == null ? List.of() : lines.stream()
                .map(l -> new ServiceLabour(l.description(), l.hours(), l.hourlyRate())).toList();
    }

    private static List<ServicePart> parts(List<CatalogueRequests.ServicePartLine> lines) {
        return lines == null ? List.of() : lines.stream()
                .map(l -> new ServicePart(new StockItemId(l.itemId()), l.quantity())).toList();
    }
}
