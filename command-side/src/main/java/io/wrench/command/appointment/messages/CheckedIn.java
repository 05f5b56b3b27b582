package io.wrench.command.appointment.messages;

import io.wrench.command.AggregateVersions;
import io.wrench.shared.workorder.WorkOrderId;

/** {@link CheckInAppointment}'s answer: the work order that was opened. */
public record CheckedIn(WorkOrderId workOrderId, Long version) implements AggregateVersions.Answer {

    @Override
    public CheckedIn atVersion(Long version) {
        return new CheckedIn(workOrderId, version);
    }
}
