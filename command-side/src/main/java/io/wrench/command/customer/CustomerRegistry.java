package io.wrench.command.customer;

import io.wrench.shared.customer.AssetId;
import io.wrench.shared.customer.CustomerId;

import java.util.Optional;

/**
 * The command side's own view of what must be unique or looked up across customers. Kept in the
 * command's transaction (a subscribing processor), never read from the eventually consistent read side.
 */
public interface CustomerRegistry {

    /** The customer that uses this email (compared case-insensitively), if any. */
    Optional<CustomerId> emailOwner(String email);

    /** The asset that has this VIN (compared case-insensitively, spaces ignored), if any. */
    Optional<AssetId> vinOwner(String vin);

    /** Whether the customer exists, and whether it is archived. */
    Optional<Boolean> isArchived(CustomerId customerId);

    /** The customer an asset belongs to. */
    Optional<CustomerId> ownerOf(AssetId assetId);

    static String normaliseEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    static String normaliseVin(String vin) {
        return vin == null || vin.isBlank() ? null : vin.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
    }
}
