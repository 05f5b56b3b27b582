package io.wrench.api.appointment;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** The bodies the appointment endpoints accept. */
final class AppointmentRequests {

    private AppointmentRequests() {
    }

    /** An instant with an offset, or a wall-clock time that the shop's time zone places. */
    static final String TIME = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:\\d{2})?";
    private static final String TIME_MESSAGE = "must be YYYY-MM-DDTHH:MM, with an offset or in the shop's time zone";

    record BookAppointment(@NotNull UUID customerId,
                UUID assetId,
                @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 40) String> jobs,
                @NotNull @Pattern(regexp = TIME, message = TIME_MESSAGE) @Schema(example = "2027-03-29T09:00") String start,
                @NotBlank @Size(max = 100) String bay,
                @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String technician) {
    }

    record RescheduleAppointment(@NotNull @Pattern(regexp = TIME, message = TIME_MESSAGE) @Schema(example = "2027-03-30T10:00") String start,
                      @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String bay) {
    }

    record CancelAppointment(@NotBlank @Size(max = 500) String reason) {
    }
}
