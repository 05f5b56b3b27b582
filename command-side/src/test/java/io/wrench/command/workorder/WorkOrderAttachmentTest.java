package io.wrench.command.workorder;

import io.wrench.command.workorder.messages.AddAttachment;
import io.wrench.command.workorder.messages.RemoveAttachment;
import io.wrench.shared.workorder.AttachmentAdded;
import io.wrench.shared.workorder.AttachmentRemoved;
import io.wrench.shared.workorder.WorkOrderCancelled;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.wrench.command.workorder.WorkOrderTestData.*;
import static io.wrench.shared.ErrorCode.*;
import static io.wrench.shared.workorder.InspectionResult.PASS;

/** Attachments: what the upload measured is recorded; an inspection must be this work order's. */
class WorkOrderAttachmentTest {

    private static final UUID PHOTO = UUID.fromString("00000000-0000-0000-0000-0000000aa001");
    private static final String SHA = "a".repeat(64);

    private AggregateTestFixture<WorkOrder> fixture;

    @BeforeEach
    void setUp() {
        fixture = workOrderFixture();
    }

    private static AddAttachment add(UUID inspection, String sha256) {
        return new AddAttachment(WORK_ORDER, PHOTO, inspection, "dent.jpg", "image/jpeg", 1234, sha256, "Dent",
                ADVISOR, null);
    }

    @Test
    void an_attachment_records_name_type_size_and_sha256_in_any_state() {
        fixture.given(opened(), new WorkOrderCancelled(WORK_ORDER, "changed their mind"))
                .when(add(null, SHA))
                .expectEvents(new AttachmentAdded(WORK_ORDER, PHOTO, null, "dent.jpg", "image/jpeg", 1234, SHA, "Dent",
                        ADVISOR));
    }

    @Test
    void an_attachment_may_belong_to_an_inspection_of_this_work_order_only() {
        fixture.given(opened(), assigned(), new io.wrench.shared.workorder.WorkOrderApproved(WORK_ORDER, MANAGER, new java.math.BigDecimal("0.00")), started(), inspected(PASS))
                .when(add(INSPECTION, SHA))
                .expectEvents(new AttachmentAdded(WORK_ORDER, PHOTO, INSPECTION, "dent.jpg", "image/jpeg", 1234, SHA,
                        "Dent", ADVISOR));
        fixture.given(opened())
                .when(add(INSPECTION, SHA))
                .expectNoEvents().expectException(WorkOrderRuleViolation.class)
                .expectExceptionMessage("no inspection " + INSPECTION + " on this work order");
    }

    @Test
    void the_sha256_must_be_a_sha256() {
        fixture.given(opened())
                .when(add(null, "not-a-digest"))
                .expectNoEvents().expectException(WorkOrderRuleViolation.class);
    }

    @Test
    void removing_needs_an_attachment_that_is_there() {
        AttachmentAdded added = new AttachmentAdded(WORK_ORDER, PHOTO, null, "dent.jpg", "image/jpeg", 1234, SHA, null,
                ADVISOR);
        fixture.given(opened(), added)
                .when(new RemoveAttachment(WORK_ORDER, PHOTO, MANAGER, null))
                .expectEvents(new AttachmentRemoved(WORK_ORDER, PHOTO, MANAGER));
        fixture.given(opened(), added, new AttachmentRemoved(WORK_ORDER, PHOTO, MANAGER))
                .when(new RemoveAttachment(WORK_ORDER, PHOTO, MANAGER, null))
                .expectNoEvents().expectException(WorkOrderRuleViolation.class)
                .expectExceptionMessage("no attachment " + PHOTO + " on this work order");
    }
}
