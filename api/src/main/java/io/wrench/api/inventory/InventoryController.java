package io.wrench.api.inventory;

import io.wrench.query.inventory.messages.InventoryViews;
import io.wrench.api.web.ReadsFrom;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wrench.api.web.CommandAnswers;
import io.wrench.api.web.CommandResponses;
import io.wrench.api.web.Consistency;
import io.wrench.api.web.ConsistencyInterceptor;
import io.wrench.api.web.FieldValidationException;
import io.wrench.api.web.ListParams;
import io.wrench.api.web.NotFoundException;
import io.wrench.api.web.Queries;
import io.wrench.command.inventory.messages.AdjustStock;
import io.wrench.command.inventory.messages.ChangeStockItemDetails;
import io.wrench.command.inventory.messages.DiscontinueStockItem;
import io.wrench.command.inventory.messages.ReceiveStock;
import io.wrench.command.inventory.messages.RegisterStockItem;
import io.wrench.query.PageView;
import io.wrench.query.inventory.messages.FindStockItem;
import io.wrench.query.inventory.messages.FindStockItems;
import io.wrench.query.inventory.messages.FindStockMovements;
import io.wrench.query.inventory.messages.StockItemSummary;
import io.wrench.query.inventory.messages.StockItemView;
import io.wrench.query.inventory.messages.StockMovementView;
import io.wrench.shared.inventory.StockItemId;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.UUID;

import static io.wrench.api.web.Queries.AS_OF_DOC;

@RestController
@ReadsFrom({InventoryViews.ITEMS, InventoryViews.MOVEMENTS})
@RequestMapping(path = "/api/inventory", produces = "application/json")
@Tag(name = "Inventory", description = "Stock items, their movements, and the spreadsheet import")
class InventoryController {

    private final CommandResponses commands;
    private final Queries queries;
    private final ImportService imports;
    private final Consistency consistency;

    InventoryController(CommandResponses commands, Queries queries, ImportService imports, Consistency consistency) {
        this.commands = commands;
        this.queries = queries;
        this.imports = imports;
        this.consistency = consistency;
    }

    @PostMapping(path = "/items", consumes = "application/json")
    @Operation(summary = "Register a stock item with nothing on hand (409 when the SKU is in use, in any case)")
    ResponseEntity<CommandAnswers.Created> register(@Valid @RequestBody InventoryRequests.RegisterItem body) {
        StockItemId id = StockItemId.random();
        return commands.created(new RegisterStockItem(id, body.sku(), body.name(), body.unit(), body.reorderLevel(),
                body.reorderQuantity() == null ? BigDecimal.ZERO : body.reorderQuantity(), body.unitCost(),
                body.location()), id);
    }

    @GetMapping("/items")
    @Operation(summary = "List stock items; search matches SKU, name and location; lowStock filters by the low-stock signal")
    PageView<StockItemSummary> list(@RequestParam(required = false) String search,
                                    @RequestParam(required = false) Boolean lowStock,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size,
                                    @RequestParam(required = false) String sort) {
        return queries.page(new FindStockItems(search, lowStock,
                ListParams.parse(page, size, sort, FindStockItems.sortFields())));
    }

    @GetMapping("/items/{id}")
    @Operation(summary = "A stock item; ETag is the version")
    ResponseEntity<StockItemView> get(@PathVariable UUID id, @RequestParam(required = false) @io.swagger.v3.oas.annotations.Parameter(description = AS_OF_DOC) String asOf) {
        return queries.detail(new FindStockItem(new StockItemId(id)), StockItemView.class, StockItemView::version,
                what(id), asOf);
    }

    @GetMapping("/items/{id}/movements")
    @Operation(summary = "The item's stock movements, newest first (sort=at,asc for oldest first)")
    PageView<StockMovementView> movements(@PathVariable UUID id,
                                          @RequestParam(required = false) Integer page,
                                          @RequestParam(required = false) Integer size,
                                          @RequestParam(required = false) String sort) {
        var query = new FindStockMovements(new StockItemId(id),
                ListParams.parse(page, size, sort, FindStockMovements.sortFields()));
        if (queries.optional(new FindStockItem(query.itemId()), StockItemView.class).isEmpty()) {
            throw new NotFoundException(what(id));
        }
        return queries.page(query);
    }

    @PostMapping(path = "/items/{id}/receipts", consumes = "application/json")
    @Operation(summary = "Receive stock; the moving-average unit cost follows")
    ResponseEntity<CommandAnswers.Versioned> receive(@PathVariable UUID id,
                                                @Valid @RequestBody InventoryRequests.ReceiveStock body) {
        return commands.action(version -> new ReceiveStock(new StockItemId(id), body.quantity(), body.unitCost(),
                body.supplier(), body.reference(), version));
    }

    @PostMapping(path = "/items/{id}/adjustments", consumes = "application/json")
    @Operation(summary = "Correct on-hand stock by a counted delta (409 when on hand would drop below zero or below reserved)")
    ResponseEntity<CommandAnswers.Versioned> adjust(@PathVariable UUID id,
                                               @Valid @RequestBody InventoryRequests.AdjustStock body) {
        if (body.quantityDelta().signum() == 0) {
            throw new FieldValidationException("quantityDelta", "must not be zero");
        }
        return commands.action(version -> new AdjustStock(new StockItemId(id), body.quantityDelta(), body.reason(),
                version));
    }

    @PatchMapping(path = "/items/{id}", consumes = "application/json")
    @Operation(summary = "Change any of name, location, reorderLevel, reorderQuantity")
    ResponseEntity<CommandAnswers.Versioned> change(@PathVariable UUID id,
                                               @Valid @RequestBody InventoryRequests.ChangeDetails body) {
        if (body.isEmpty()) {
            throw new FieldValidationException("body", "give at least one of name, location, reorderLevel, reorderQuantity");
        }
        return commands.action(version -> new ChangeStockItemDetails(new StockItemId(id), body.name(), body.location(),
                body.reorderLevel(), body.reorderQuantity(), version));
    }

    @PostMapping("/items/{id}/discontinue")
    @Operation(summary = "Discontinue: no new reservations; what is promised can still be issued or released")
    ResponseEntity<CommandAnswers.Versioned> discontinue(@PathVariable UUID id) {
        return commands.action(version -> new DiscontinueStockItem(new StockItemId(id), version));
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import stock items from a CSV or XLSX file (part 'file'): new SKUs are registered, "
            + "existing ones skipped, bad rows reported; 413 too large, 415 not a spreadsheet, 400 unreadable")
    ResponseEntity<ImportReport> importItems(@RequestPart("file") MultipartFile file) throws IOException {
        ImportReport report = imports.importItems(file);
        return ResponseEntity.ok().header(ConsistencyInterceptor.TOKEN_HEADER, consistency.issue()).body(report);
    }

    private static String what(UUID id) {
        return "stock item with id " + id;
    }
}
