package io.wrench.query.catalogue;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A line of an entry's current revision: a labour line (no item) or a part line. */
@Entity
@Table(name = "catalogue_line_view")
class ServiceLineEntity {

    @Id
    UUID id;
    UUID entryId;
    int position;
    String description;
    BigDecimal hours;
    BigDecimal hourlyRate;
    UUID itemId;
    BigDecimal quantity;

    protected ServiceLineEntity() {
    }

    /** Each revision's lines have ids of their own: a revision replaces the lines, it never updates them. */
    ServiceLineEntity(UUID entryId, int revision, int position) {
        this.id = UUID.nameUUIDFromBytes((entryId + "/" + revision + "/" + position).getBytes(StandardCharsets.UTF_8));
        this.entryId = entryId;
        this.position = position;
    }
}
