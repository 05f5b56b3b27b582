package io.wrench.command.workorder;

import io.wrench.command.workorder.messages.AddPartLine;
import io.wrench.shared.Money;
import io.wrench.shared.catalogue.ServiceLabour;
import io.wrench.shared.catalogue.ServicePart;
import io.wrench.shared.workorder.JobApplied;
import io.wrench.shared.workorder.LabourLineAdded;
import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.WorkOrderId;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.wrench.command.workorder.WorkOrderRuleViolation.INPUT;
import static io.wrench.shared.ErrorCode.SERVICE_RETIRED;
import static io.wrench.shared.ErrorCode.UNKNOWN_SERVICE;

/**
 * Turns a catalogue entry into a work order's lines, all decided before any is recorded: a retired
 * entry, or a part that is unknown or discontinued, refuses the whole job. With a fixed price the job
 * is one labour line at that price (its name, 1 hour) and its parts are added at 0.00: the price
 * covers them, and they still reserve stock.
 */
final class JobLines {

    private JobLines() {
    }

    /** The n-th line of a job: a name-based UUID of the job's id and the line's position. */
    static LineId lineId(UUID jobId, int position) {
        return new LineId(UUID.nameUUIDFromBytes((jobId + "/" + position).getBytes(StandardCharsets.UTF_8)));
    }

    /** The job's events: {@link JobApplied} first, then each line's own event. */
    static List<Object> decide(WorkOrderId workOrderId, UUID jobId, String serviceCode, JobCatalog catalog,
                               PartCatalog parts, PricingPolicy pricing) {
        INPUT.required("jobId", jobId);
        JobCatalog.Job job = catalog.find(INPUT.text("serviceCode", serviceCode)).orElseThrow(
                () -> new WorkOrderRuleViolation(UNKNOWN_SERVICE, "no catalogue entry " + serviceCode.trim()));
        if (job.retired()) {
            throw new WorkOrderRuleViolation(SERVICE_RETIRED, "catalogue entry " + job.code() + " is retired");
        }
        List<Object> lines = new ArrayList<>();
        List<LineId> lineIds = new ArrayList<>();
        if (job.fixedPrice() != null) {
            LineId lineId = lineId(jobId, lineIds.size());
            lineIds.add(lineId);
            lines.add(new LabourLineAdded(workOrderId, lineId, job.name(), BigDecimal.ONE, job.fixedPrice(),
                    Money.line(BigDecimal.ONE, job.fixedPrice())));
        } else {
            for (ServiceLabour labour : job.labourLines()) {
                LineId lineId = lineId(jobId, lineIds.size());
                lineIds.add(lineId);
                lines.add(new LabourLineAdded(workOrderId, lineId, labour.description(), labour.hours(),
                        labour.hourlyRate(), Money.line(labour.hours(), labour.hourlyRate())));
            }
        }
        BigDecimal partPrice = job.fixedPrice() != null ? BigDecimal.ZERO.setScale(2) : null;
        for (ServicePart part : job.partLines()) {
            LineId lineId = lineId(jobId, lineIds.size());
            lineIds.add(lineId);
            lines.add(PartLineRequest.decide(workOrderId,
                    new AddPartLine(workOrderId, lineId, part.itemId(), part.quantity(), partPrice, null), parts, pricing));
        }
        List<Object> events = new ArrayList<>();
        events.add(new JobApplied(workOrderId, jobId, job.code(), job.revision(), job.name(), List.copyOf(lineIds)));
        events.addAll(lines);
        return events;
    }
}
