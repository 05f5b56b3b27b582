package io.wrench.query.catalogue.messages;

import io.wrench.shared.catalogue.ServiceEntryId;
import io.wrench.shared.inventory.StockItemId;

import java.math.BigDecimal;
import java.util.List;

/**
 * A catalogue entry's current revision. {@code version} is the aggregate's version (ETag, If-Match);
 * {@code revision} counts the entry's revisions from 1.
 */
public record ServiceEntryView(ServiceEntryId id, String code, String name, String description, String category,
                               int revision, boolean retired, List<ServiceEntryLabour> labourLines, List<ServiceEntryPart> partLines,
                               BigDecimal fixedPrice, BigDecimal hours, long version) {

    public record ServiceEntryLabour(String description, BigDecimal hours, BigDecimal hourlyRate) {
    }

    public record ServiceEntryPart(StockItemId itemId, BigDecimal quantity) {
    }
}
