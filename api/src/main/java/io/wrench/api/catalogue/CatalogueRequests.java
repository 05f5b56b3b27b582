package io.wrench.api.catalogue;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The bodies the catalogue endpoints accept; numbers fit the work order's lines. */
final class CatalogueRequests {

    private CatalogueRequests() {
    }

    static final String CODE = "[A-Za-z0-9][A-Za-z0-9._-]{0,39}";
    private static final String NOT_BLANK = ".*\\S.*";

    record ServiceLabourLine(@NotBlank @Size(max = 2000) String description,
                      @NotNull @Positive @Digits(integer = 6, fraction = 2) BigDecimal hours,
                      @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal hourlyRate) {
    }

    record ServicePartLine(@NotNull UUID itemId,
                    @NotNull @Positive @Digits(integer = 12, fraction = 4) BigDecimal quantity) {
    }

    record DefineEntry(@NotBlank @Pattern(regexp = CODE, message = "must be 1 to 40 letters, digits, '.', '_' or '-'")
                       @Schema(example = "BRAKES-FRONT") String code,
                       @NotBlank @Size(max = 200) String name,
                       @Size(max = 2000) String description,
                       @Size(max = 100) String category,
                       @Size(max = 50) List<@NotNull @Valid ServiceLabourLine> labourLines,
                       @Size(max = 50) List<@NotNull @Valid ServicePartLine> partLines,
                       @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal fixedPrice) {
    }

    /** A new revision: what is given replaces the current value; {@code clearFixedPrice} removes the fixed price. */
    record ReviseEntry(@Size(min = 1, max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String name,
                       @Size(max = 2000) String description,
                       @Size(max = 100) String category,
                       @Size(max = 50) List<@NotNull @Valid ServiceLabourLine> labourLines,
                       @Size(max = 50) List<@NotNull @Valid ServicePartLine> partLines,
                       @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal fixedPrice,
                       Boolean clearFixedPrice) {
        boolean isEmpty() {
            return name == null && description == null && category == null && labourLines == null
                    && partLines == null && fixedPrice == null && !Boolean.TRUE.equals(clearFixedPrice);
        }
    }
}
