package io.wrench.api.customer;

import io.wrench.shared.customer.AssetKind;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The bodies the customer endpoints accept. */
final class CustomerRequests {

    private CustomerRequests() {
    }

    record RegisterCustomer(@NotBlank @Size(max = 200) String name,
                            @NotBlank @Email @Size(max = 254) String email,
                            @Size(max = 50) String phone,
                            @Size(max = 500) String address) {
    }

    record UpdateCustomer(@Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
                          @Email @Size(min = 3, max = 254) String email,
                          @Size(max = 50) String phone,
                          @Size(max = 500) String address) {
        boolean isEmpty() {
            return name == null && email == null && phone == null && address == null;
        }
    }

    record RegisterAsset(@NotNull AssetKind kind,
                         @NotBlank @Size(max = 100) String make,
                         @NotBlank @Size(max = 100) String model,
                         @Min(1886) @Max(2100) Integer year,
                         @Pattern(regexp = "[A-HJ-NPR-Za-hj-npr-z0-9 ]{11,17}",
                                 message = "must be 11 to 17 letters and digits (no I, O or Q)")
                         @Schema(example = "WVWZZZ1KZAW000001") String vin,
                         @Size(max = 100) String serialNumber,
                         @Size(max = 20) String licensePlate,
                         @PositiveOrZero Long odometer) {
    }

    record RecordReading(@NotNull @PositiveOrZero Long reading) {
    }
}
