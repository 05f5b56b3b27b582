package io.wrench.api.appointment;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The answers of the appointment endpoints beyond the shared ones. */
final class AppointmentAnswers {

    private AppointmentAnswers() {
    }

    @Schema(name = "CheckedIn", requiredProperties = "workOrderId")
    record CheckedIn(@Schema(description = "the work order opened with the appointment's jobs", format = "uuid") UUID workOrderId,
                     @Schema(description = "the work order's version after its jobs were applied") Long version) {
    }

    @Schema(name = "Availability", requiredProperties = {"jobs", "minutes", "slots"})
    record Availability(List<String> jobs, long minutes, List<FreeSlot> slots) {
    }

    @Schema(name = "FreeSlot", requiredProperties = {"bay", "start", "end"})
    record FreeSlot(String bay, Instant start, Instant end) {
    }
}
