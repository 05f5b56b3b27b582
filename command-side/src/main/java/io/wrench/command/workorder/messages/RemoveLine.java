package io.wrench.command.workorder.messages;

import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.WorkOrderId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** Remove a labour or part line (before completion); a part line's reservation is then released. */
public record RemoveLine(@TargetAggregateIdentifier WorkOrderId workOrderId, LineId lineId,
                         @TargetAggregateVersion Long expectedVersion) {
}
