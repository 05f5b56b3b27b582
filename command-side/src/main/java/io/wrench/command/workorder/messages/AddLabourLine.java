package io.wrench.command.workorder.messages;

import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.math.BigDecimal;

/** Add a labour line: {@code hours > 0}, {@code hourlyRate >= 0}. */
public record AddLabourLine(@TargetAggregateIdentifier WorkOrderId workOrderId, LineId lineId, String description,
                            BigDecimal hours, BigDecimal hourlyRate, @TargetAggregateVersion Long expectedVersion) {
}
