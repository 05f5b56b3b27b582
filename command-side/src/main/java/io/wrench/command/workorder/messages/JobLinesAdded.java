package io.wrench.command.workorder.messages;

import io.wrench.command.AggregateVersions;
import io.wrench.shared.workorder.LineId;

import java.util.List;

/** {@link ApplyJob}'s answer: the lines the job added, in order, and the work order's version after it. */
public record JobLinesAdded(List<LineId> lineIds, Long version) implements AggregateVersions.Answer {

    @Override
    public JobLinesAdded atVersion(Long version) {
        return new JobLinesAdded(lineIds, version);
    }
}
