package io.wrench.api.inventory;

import io.wrench.api.web.BadRequestException;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The columns an import reads, in any order. A header matches a column whatever its case, spaces,
 * dashes or underscores ({@code Reorder Level}, {@code reorder_level}); other columns are ignored.
 */
enum ImportColumn {
    SKU("sku", true),
    NAME("name", true),
    UNIT("unit", true),
    REORDER_LEVEL("reorderLevel", true),
    REORDER_QUANTITY("reorderQuantity", false),
    UNIT_COST("unitCost", true),
    LOCATION("location", false),
    QUANTITY_ON_HAND("quantityOnHand", false);

    private final String label;
    private final boolean required;

    ImportColumn(String label, boolean required) {
        this.label = label;
        this.required = required;
    }

    String label() {
        return label;
    }

    static Optional<ImportColumn> ofLabel(String label) {
        return Arrays.stream(values()).filter(c -> c.label.equals(label)).findFirst();
    }

    /** Where each column is in the header row; 400 when a required one is missing or one appears twice. */
    static Map<ImportColumn, Integer> locate(List<String> header) {
        Map<ImportColumn, Integer> found = new EnumMap<>(ImportColumn.class);
        for (int i = 0; i < header.size(); i++) {
            String key = key(header.get(i));
            for (ImportColumn column : values()) {
                if (key(column.label).equals(key) && found.put(column, i) != null) {
                    throw new BadRequestException("the column " + column.label + " appears twice in the header row");
                }
            }
        }
        List<String> missing = Arrays.stream(values()).filter(c -> c.required && !found.containsKey(c))
                .map(c -> c.label).toList();
        if (!missing.isEmpty()) {
            throw new BadRequestException("the header row lacks " + String.join(", ", missing) + "; an import needs "
                    + labels(true) + " and may have " + labels(false));
        }
        return found;
    }

    private static String labels(boolean required) {
        return Arrays.stream(values()).filter(c -> c.required == required).map(c -> c.label)
                .collect(Collectors.joining(", "));
    }

    private static String key(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
