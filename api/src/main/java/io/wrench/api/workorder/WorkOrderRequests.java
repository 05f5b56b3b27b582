package io.wrench.api.workorder;

import io.wrench.shared.workorder.InspectionResult;
import io.wrench.shared.workorder.PaymentMethod;
import io.wrench.shared.workorder.Priority;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** The bodies the work-order endpoints accept. Money has at most two decimals. */
final class WorkOrderRequests {

    private WorkOrderRequests() {
    }

    record OpenWorkOrder(@NotNull UUID customerId,
                         UUID assetId,
                         @NotBlank @Size(max = 2000) String description,
                         Priority priority,
                         LocalDate dueDate) {
    }

    record AddLabourLine(@NotBlank @Size(max = 2000) String description,
                         @NotNull @Positive @Digits(integer = 6, fraction = 2) BigDecimal hours,
                         @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal hourlyRate) {
    }

    /** Without {@code unitPrice} the item's unit cost plus the configured markup is charged. */
    record AddPartLine(@NotNull UUID itemId,
                       @NotNull @Positive @Digits(integer = 12, fraction = 4) BigDecimal quantity,
                       @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal unitPrice) {
    }

    record ApplyJob(@NotBlank @Size(max = 40) @io.swagger.v3.oas.annotations.media.Schema(example = "BRAKES-FRONT")
                    String serviceCode) {
    }

    record AssignTechnician(@NotBlank @Size(max = 200) String technician) {
    }

    record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    record RecordScan(@NotBlank @Size(max = 200) String stage,
                      @Size(max = 2000) String note) {
    }

    record RecordInspection(@NotNull InspectionResult result,
                            @Size(max = 2000) String notes) {
    }

    record RecordPayment(@NotNull @Positive @Digits(integer = 12, fraction = 2) BigDecimal amount,
                         @NotNull PaymentMethod method) {
    }
}
