package io.wrench.api.inventory;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * The bodies the inventory endpoints accept. Quantities and costs fit the read model's
 * {@code numeric(19,4)}: up to 15 digits before the point and 4 after.
 */
final class InventoryRequests {

    private InventoryRequests() {
    }

    private static final String NOT_BLANK = ".*\\S.*";

    record RegisterItem(@NotBlank @Size(max = 64) String sku,
                        @NotBlank @Size(max = 200) String name,
                        @NotBlank @Size(max = 20) String unit,
                        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal reorderLevel,
                        @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal reorderQuantity,
                        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal unitCost,
                        @Size(min = 1, max = 100) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String location) {
    }

    record ReceiveStock(@NotNull @Positive @Digits(integer = 15, fraction = 4) BigDecimal quantity,
                        @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal unitCost,
                        @Size(min = 1, max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String supplier,
                        @Size(min = 1, max = 100) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String reference) {
    }

    /** {@code quantityDelta} must also not be zero; the controller says so per field. */
    record AdjustStock(@NotNull @Digits(integer = 15, fraction = 4) BigDecimal quantityDelta,
                       @NotBlank @Size(max = 500) String reason) {
    }

    record ChangeDetails(@Size(min = 1, max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String name,
                         @Size(min = 1, max = 100) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String location,
                         @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal reorderLevel,
                         @DecimalMin("0") @Digits(integer = 15, fraction = 4) BigDecimal reorderQuantity) {
        boolean isEmpty() {
            return name == null && location == null && reorderLevel == null && reorderQuantity == null;
        }
    }
}
