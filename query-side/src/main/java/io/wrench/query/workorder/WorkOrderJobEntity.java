package io.wrench.query.workorder;

import io.wrench.shared.workorder.JobApplied;
import io.wrench.shared.workorder.LineId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;
import java.util.stream.Collectors;

/** A catalogue entry applied to a work order: code, revision, name and the ids of the lines it added. */
@Entity
@Table(name = "work_order_job_view")
class WorkOrderJobEntity {

    @Id
    UUID id;
    UUID workOrderId;
    long position;
    String serviceCode;
    int revision;
    String name;
    /** The lines' ids, comma-separated, in the order the job added them. */
    String lineIds;

    protected WorkOrderJobEntity() {
    }

    static WorkOrderJobEntity from(JobApplied event, long position) {
        WorkOrderJobEntity job = new WorkOrderJobEntity();
        job.id = event.jobId();
        job.workOrderId = event.workOrderId().value();
        job.position = position;
        job.serviceCode = event.serviceCode();
        job.revision = event.revision();
        job.name = event.name();
        job.lineIds = event.lineIds().stream().map(LineId::toString).collect(Collectors.joining(","));
        return job;
    }
}
