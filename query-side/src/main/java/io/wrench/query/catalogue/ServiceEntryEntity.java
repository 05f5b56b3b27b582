package io.wrench.query.catalogue;

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
@Table(name = "catalogue_entry_view")
class ServiceEntryEntity {

    @Id
    UUID id;
    String code;
    /** The code in upper case: what a lookup by code and the list's sort compare. */
    String codeKey;
    String name;
    String description;
    String category;
    int revision;
    boolean retired;
    BigDecimal fixedPrice;
    BigDecimal hours;
    long version;
    Instant definedAt;
    String searchText;

    protected ServiceEntryEntity() {
    }

    ServiceEntryEntity(UUID id, String code) {
        this.id = id;
        this.code = code;
        this.codeKey = code.toUpperCase(Locale.ROOT);
    }

    void revision(int revision, String name, String description, String category, BigDecimal fixedPrice,
                  BigDecimal hours) {
        this.revision = revision;
        this.name = name;
        this.description = description;
        this.category = category;
        this.fixedPrice = fixedPrice;
        this.hours = hours;
        this.searchText = Stream.of(code, name, category, description).filter(s -> s != null && !s.isBlank())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.joining(" "));
        if (searchText.length() > 600) {
            searchText = searchText.substring(0, 600);
        }
    }
}
