package io.wrench.api.inventory;

import io.wrench.api.config.WrenchProperties;
import io.wrench.api.web.BadRequestException;
import io.wrench.api.web.ErrorAdvice;
import io.wrench.api.web.PayloadTooLargeException;
import io.wrench.api.web.Problems;
import io.wrench.command.inventory.StockItemRegistry;
import io.wrench.command.inventory.messages.ReceiveStock;
import io.wrench.command.inventory.messages.RegisterStockItem;
import io.wrench.shared.ErrorCode;
import io.wrench.shared.RuleViolationDetails;
import io.wrench.shared.inventory.StockItemId;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.wrench.api.inventory.ImportColumn.*;

/**
 * The stock import: one command per row, each row on its own, so a bad row never blocks a good one.
 * A row is checked by the same rules as {@code POST /api/inventory/items}; a SKU that is taken (before
 * the import, or by an earlier row of the file) is skipped, not overwritten, which also makes repeating
 * an import harmless. Opening stock ({@code quantityOnHand}) arrives as a receipt at the row's unit
 * cost from supplier {@value #SUPPLIER}, referenced by the file's name.
 */
@Service
class ImportService {

    static final String SUPPLIER = "import";
    private static final int MAX_REFERENCE_LENGTH = 100;

    /** A row as the rules see it: the registration body, and the opening stock. */
    record ImportedItem(@Valid InventoryRequests.RegisterItem item,
                        @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal quantityOnHand) {
    }

    private final CommandGateway commands;
    private final StockItemRegistry registry;
    private final Validator validator;
    private final WrenchProperties.Imports limits;

    ImportService(CommandGateway commands, StockItemRegistry registry, Validator validator,
                  WrenchProperties properties) {
        this.commands = commands;
        this.registry = registry;
        this.validator = validator;
        this.limits = properties.getImports();
    }

    ImportReport importItems(MultipartFile file) throws IOException {
        if (file.getSize() > limits.getMaxFileBytes()) {
            throw new PayloadTooLargeException("the file is larger than the " + limits.getMaxFileBytes()
                    + " bytes one import takes; split it");
        }
        Spreadsheet sheet = Spreadsheet.read(file.getBytes(), limits.getMaxRows());
        if (sheet.header() == null) {
            throw new BadRequestException("the file has no header row (nor anything else)");
        }
        Map<ImportColumn, Integer> columns = ImportColumn.locate(sheet.header());
        String reference = reference(file.getOriginalFilename());
        Outcomes outcomes = new Outcomes();
        for (Spreadsheet.Row row : sheet.rows()) {
            importRow(new Cells(row, columns), reference, outcomes);
        }
        return new ImportReport(outcomes.imported, outcomes.skippedSkus.size(), outcomes.skippedSkus,
                outcomes.rejected);
    }

    private void importRow(Cells cells, String reference, Outcomes outcomes) {
        List<Problems.FieldError> errors = new ArrayList<>();
        ImportedItem row = new ImportedItem(new InventoryRequests.RegisterItem(cells.text(SKU), cells.text(NAME),
                cells.text(UNIT), cells.number(REORDER_LEVEL, errors), cells.number(REORDER_QUANTITY, errors),
                cells.number(UNIT_COST, errors), cells.text(LOCATION)), cells.number(QUANTITY_ON_HAND, errors));
        errors.addAll(violations(row, errors));
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing((Problems.FieldError e) -> ImportColumn.ofLabel(e.field())
                    .map(Enum::ordinal).orElse(Integer.MAX_VALUE)).thenComparing(Problems.FieldError::message));
            outcomes.rejected.add(new ImportReport.RejectedRow(cells.row.number(), errors));
            return;
        }
        InventoryRequests.RegisterItem item = row.item();
        if (registry.skuOwner(item.sku()).isPresent()) {
            outcomes.skippedSkus.add(item.sku());
            return;
        }
        StockItemId id = StockItemId.random();
        RuleViolationDetails refused = send(new RegisterStockItem(id, item.sku(), item.name(), item.unit(),
                item.reorderLevel(), item.reorderQuantity() == null ? BigDecimal.ZERO : item.reorderQuantity(),
                item.unitCost(), item.location()));
        if (refused != null && refused.code() == ErrorCode.SKU_IN_USE) {
            outcomes.skippedSkus.add(item.sku());
            return;
        }
        if (refused == null && row.quantityOnHand() != null && row.quantityOnHand().signum() > 0) {
            refused = send(new ReceiveStock(id, row.quantityOnHand(), item.unitCost(), SUPPLIER, reference, null));
            if (refused != null) {
                refused = new RuleViolationDetails(refused.code(),
                        "the item was registered, but its opening stock was not received: " + refused.message());
            }
        }
        if (refused != null) {
            outcomes.rejected.add(new ImportReport.RejectedRow(cells.row.number(),
                    List.of(new Problems.FieldError(null, refused.message()))));
            return;
        }
        outcomes.imported++;
    }

    /** Null when the command succeeded; the rule it broke when it was refused; anything else propagates. */
    private RuleViolationDetails send(Object command) {
        try {
            commands.sendAndWait(command);
            return null;
        } catch (RuntimeException failure) {
            return ErrorAdvice.detailsOf(failure).orElseThrow(() -> failure);
        }
    }

    /** Bean Validation's verdict, leaving out fields that already failed to parse as numbers. */
    private List<Problems.FieldError> violations(ImportedItem row, List<Problems.FieldError> parseErrors) {
        Set<String> unparsable = parseErrors.stream().map(Problems.FieldError::field).collect(Collectors.toSet());
        List<Problems.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<ImportedItem> violation : validator.validate(row)) {
            String path = violation.getPropertyPath().toString();
            String field = path.substring(path.lastIndexOf('.') + 1);
            if (!unparsable.contains(field)) {
                errors.add(new Problems.FieldError(field, violation.getMessage()));
            }
        }
        return errors;
    }

    /** The file's own name, reduced to harmless characters, as the receipts' reference. */
    static String reference(String filename) {
        if (filename == null) {
            return SUPPLIER;
        }
        String base = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1);
        String safe = base.replaceAll("[^A-Za-z0-9._-]", "_");
        if (safe.length() > MAX_REFERENCE_LENGTH) {
            safe = safe.substring(0, MAX_REFERENCE_LENGTH);
        }
        return safe.replaceAll("[._-]", "").isEmpty() ? SUPPLIER : safe;
    }

    private static final class Outcomes {
        int imported;
        final List<String> skippedSkus = new ArrayList<>();
        final List<ImportReport.RejectedRow> rejected = new ArrayList<>();
    }

    /** One row's cells by column; a blank cell is null. */
    private record Cells(Spreadsheet.Row row, Map<ImportColumn, Integer> columns) {

        String text(ImportColumn column) {
            Integer index = columns.get(column);
            String text = index == null ? "" : row.cell(index);
            return text.isEmpty() ? null : text;
        }

        BigDecimal number(ImportColumn column, List<Problems.FieldError> errors) {
            String text = text(column);
            if (text == null) {
                return null;
            }
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                errors.add(new Problems.FieldError(column.label(), "'" + text + "' is not a number"));
                return null;
            }
        }
    }
}
