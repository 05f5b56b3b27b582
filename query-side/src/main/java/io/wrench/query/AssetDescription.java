package io.wrench.query;

import io.wrench.shared.customer.AssetKind;
import io.wrench.shared.customer.AssetRegistered;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * What an asset is, as registered: the columns every view that shows an asset copies from
 * {@link AssetRegistered} (the customer detail, the work-order detail), in one place.
 */
@Embeddable
public class AssetDescription {

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    public AssetKind kind;
    public String make;
    public String model;
    @Column(name = "model_year")
    public Integer year;
    public String vin;
    public String serialNumber;
    public String licensePlate;

    protected AssetDescription() {
    }

    public static AssetDescription of(AssetRegistered event) {
        AssetDescription description = new AssetDescription();
        description.kind = event.kind();
        description.make = event.make();
        description.model = event.model();
        description.year = event.year();
        description.vin = event.vin();
        description.serialNumber = event.serialNumber();
        description.licensePlate = event.licensePlate();
        return description;
    }
}
