package io.wrench.query.inventory;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

@Entity
@Table(name = "stock_item_view")
class StockItemEntity {

    @Id
    UUID id;
    String sku;
    String name;
    String unit;
    String location;
    BigDecimal onHand;
    BigDecimal reserved;
    /** on hand − reserved, kept as a column so the list can sort by it. */
    BigDecimal available;
    BigDecimal backordered;
    BigDecimal reorderLevel;
    BigDecimal reorderQuantity;
    boolean lowStock;
    BigDecimal unitCost;
    boolean discontinued;
    long version;
    Instant registeredAt;
    /** SKU, name and location in lower case: what {@code search} matches. */
    String searchText;

    protected StockItemEntity() {
    }

    StockItemEntity(UUID id, String sku, String unit) {
        this.id = id;
        this.sku = sku;
        this.unit = unit;
        this.onHand = BigDecimal.ZERO;
        this.reserved = BigDecimal.ZERO;
        this.available = BigDecimal.ZERO;
        this.backordered = BigDecimal.ZERO;
    }

    void details(String name, String location, BigDecimal reorderLevel, BigDecimal reorderQuantity) {
        this.name = name;
        this.location = location;
        this.reorderLevel = reorderLevel;
        this.reorderQuantity = reorderQuantity;
        this.searchText = Stream.of(sku, name, location).filter(s -> s != null && !s.isBlank())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.joining(" "));
    }

    void stock(BigDecimal onHandDelta, BigDecimal reservedDelta, BigDecimal backorderedDelta) {
        onHand = onHand.add(onHandDelta);
        reserved = reserved.add(reservedDelta);
        backordered = backordered.add(backorderedDelta);
        available = onHand.subtract(reserved);
    }
}
