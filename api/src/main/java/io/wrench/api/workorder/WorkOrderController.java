package io.wrench.api.workorder;

import io.wrench.query.workorder.messages.WorkOrderViews;
import io.wrench.api.web.ReadsFrom;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wrench.api.config.WrenchProperties;
import io.wrench.api.web.CommandAnswers;
import io.wrench.api.web.CommandResponses;
import io.wrench.api.web.FieldValidationException;
import io.wrench.api.web.ListParams;
import io.wrench.api.web.NotFoundException;
import io.wrench.api.web.Queries;
import io.wrench.api.web.RequestMetadata;
import io.wrench.command.workorder.messages.AddLabourLine;
import io.wrench.command.workorder.messages.AddPartLine;
import io.wrench.command.workorder.messages.ApproveWorkOrder;
import io.wrench.command.workorder.messages.ApplyJob;
import io.wrench.command.workorder.messages.JobLinesAdded;
import io.wrench.command.workorder.messages.AssignTechnician;
import io.wrench.command.workorder.messages.CancelWorkOrder;
import io.wrench.command.workorder.messages.CompleteWorkOrder;
import io.wrench.command.workorder.messages.HoldWork;
import io.wrench.command.workorder.messages.InvoiceWorkOrder;
import io.wrench.command.workorder.messages.OpenWorkOrder;
import io.wrench.command.workorder.messages.RecordInspection;
import io.wrench.command.workorder.messages.RecordPayment;
import io.wrench.command.workorder.messages.RecordScan;
import io.wrench.command.workorder.messages.RemoveLine;
import io.wrench.command.workorder.messages.ResumeWork;
import io.wrench.command.workorder.messages.StartWork;
import io.wrench.query.PageView;
import io.wrench.query.workorder.messages.FindWorkOrder;
import io.wrench.query.workorder.messages.FindWorkOrders;
import io.wrench.query.workorder.messages.WorkOrderDetails;
import io.wrench.query.workorder.messages.WorkOrderSummary;
import io.wrench.shared.customer.AssetId;
import io.wrench.shared.customer.CustomerId;
import io.wrench.shared.inventory.StockItemId;
import io.wrench.shared.workorder.LineId;
import io.wrench.shared.workorder.Priority;
import io.wrench.shared.workorder.WorkOrderId;
import io.wrench.shared.workorder.WorkOrderStatus;
import io.wrench.shared.technician.TechnicianId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import static io.wrench.api.web.Queries.AS_OF_DOC;

@RestController
@ReadsFrom(WorkOrderViews.PROCESSOR)
@RequestMapping(path = "/api/work-orders", produces = "application/json")
@Tag(name = "Work orders", description = "Work orders from opening to payment, their lines, scans, inspections and payments")
class WorkOrderController {

    private final CommandResponses commands;
    private final Queries queries;
    private final WorkOrderHistory history;
    private final WrenchProperties properties;
    private final Clock clock;

    WorkOrderController(CommandResponses commands, Queries queries, WorkOrderHistory history,
                        WrenchProperties properties, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.history = history;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping(consumes = "application/json")
    @Operation(summary = "Open a work order; answers its id and number (409 unknown/archived customer, asset not theirs)")
    ResponseEntity<CommandAnswers.Created> open(@Valid @RequestBody WorkOrderRequests.OpenWorkOrder body) {
        WorkOrderId id = WorkOrderId.random();
        OpenWorkOrder command = new OpenWorkOrder(id, new CustomerId(body.customerId()),
                body.assetId() == null ? null : new AssetId(body.assetId()), body.description(), body.priority(),
                body.dueDate(), LocalDate.now(clock));
        return commands.created(command, id, () -> history.number(id).orElseThrow());
    }

    @GetMapping
    @Operation(summary = "List work orders; search matches number, description and customer name; "
            + "technician is a user id, or me (the caller)")
    PageView<WorkOrderSummary> list(@RequestParam(required = false) Set<WorkOrderStatus> status,
                                    @RequestParam(required = false) UUID customerId,
                                    @RequestParam(required = false) String technician,
                                    @RequestParam(required = false) Set<Priority> priority,
                                    @RequestParam(required = false) Boolean overdue,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueFrom,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueTo,
                                    @RequestParam(required = false) String search,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size,
                                    @RequestParam(required = false) String sort) {
        if (dueFrom != null && dueTo != null && dueTo.isBefore(dueFrom)) {
            throw new FieldValidationException("dueTo", "must not be before dueFrom");
        }
        return queries.page(new FindWorkOrders(status, customerId == null ? null : new CustomerId(customerId),
                TechnicianId.ME.equals(technician) ? RequestMetadata.currentUser() : technician, priority, overdue,
                dueFrom, dueTo, search,
                ListParams.parse(page, size, sort, FindWorkOrders.sortFields())));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A work order with lines, inspections, payments, scans and totals; ETag is the version")
    ResponseEntity<WorkOrderDetails> get(@PathVariable UUID id, @RequestParam(required = false) @io.swagger.v3.oas.annotations.Parameter(description = AS_OF_DOC) String asOf) {
        return queries.detail(new FindWorkOrder(new WorkOrderId(id)), WorkOrderDetails.class, WorkOrderDetails::version,
                "work order with id " + id, asOf);
    }

    @GetMapping(path = "/{id}/qr", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "QR code (PNG) of the work order's URL, for shop-floor scanners")
    ResponseEntity<byte[]> qr(@PathVariable UUID id,
                              @RequestParam(defaultValue = "256") @Min(64) @Max(1024) int size) {
        WorkOrderId workOrderId = new WorkOrderId(id);
        if (history.number(workOrderId).isEmpty()) {
            throw new NotFoundException("no work order with id " + id);
        }
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(QrCodes.png(urlOf(workOrderId), size));
    }

    @PostMapping(path = "/{id}/labour", consumes = "application/json")
    @Operation(summary = "Add a labour line (hours > 0, hourlyRate >= 0)")
    ResponseEntity<CommandAnswers.Created> addLabour(@PathVariable UUID id,
                                                  @Valid @RequestBody WorkOrderRequests.AddLabourLine body) {
        LineId lineId = LineId.random();
        return created(id, "lines", lineId.value(), version -> new AddLabourLine(new WorkOrderId(id), lineId, body.description(),
                body.hours(), body.hourlyRate(), version));
    }

    @PostMapping(path = "/{id}/parts", consumes = "application/json")
    @Operation(summary = "Add a part line; it is PENDING until inventory reserves or backorders it")
    ResponseEntity<CommandAnswers.Created> addPart(@PathVariable UUID id,
                                                @Valid @RequestBody WorkOrderRequests.AddPartLine body) {
        LineId lineId = LineId.random();
        return created(id, "lines", lineId.value(), version -> new AddPartLine(new WorkOrderId(id), lineId,
                new StockItemId(body.itemId()), body.quantity(), body.unitPrice(), version));
    }

    @PostMapping(path = "/{id}/jobs", consumes = "application/json")
    @Operation(summary = "Apply a catalogue entry: all its lines are added or none (409 retired entry, retired or discontinued part)")
    ResponseEntity<CommandAnswers.Created> applyJob(@PathVariable UUID id,
                                                 @Valid @RequestBody WorkOrderRequests.ApplyJob body) {
        UUID jobId = UUID.randomUUID();
        return commands.createdWithLines(version -> new ApplyJob(new WorkOrderId(id), jobId, body.serviceCode(), version),
                jobId, "/api/work-orders/" + id + "/jobs/" + jobId,
                answer -> ((JobLinesAdded) answer).lineIds().stream().map(LineId::value).toList(),
                answer -> ((JobLinesAdded) answer).version());
    }

    @DeleteMapping("/{id}/lines/{lineId}")
    @Operation(summary = "Remove a line; a part line's reservation is released")
    ResponseEntity<CommandAnswers.Versioned> removeLine(@PathVariable UUID id, @PathVariable UUID lineId) {
        return action(id, (workOrder, version) -> new RemoveLine(workOrder, new LineId(lineId), version));
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "The customer's approval, recorded with the caller as approver and the current total")
    ResponseEntity<CommandAnswers.Versioned> approve(@PathVariable UUID id) {
        return action(id, (workOrder, version) -> new ApproveWorkOrder(workOrder, RequestMetadata.currentUser(), version));
    }

    @PostMapping(path = "/{id}/assign", consumes = "application/json")
    @Operation(summary = "Assign (or re-assign) the technician by user id (409 unknown or inactive in the directory)")
    ResponseEntity<CommandAnswers.Versioned> assign(@PathVariable UUID id,
                                               @Valid @RequestBody WorkOrderRequests.AssignTechnician body) {
        return action(id, (workOrder, version) -> new AssignTechnician(workOrder, body.technician().trim(), version));
    }

    @PostMapping("/{id}/start")
    @Operation(summary = "Start work (needs APPROVED and a technician)")
    ResponseEntity<CommandAnswers.Versioned> start(@PathVariable UUID id) {
        return action(id, (workOrder, version) -> new StartWork(workOrder, RequestMetadata.currentUser(), version));
    }

    @PostMapping(path = "/{id}/hold", consumes = "application/json")
    @Operation(summary = "Put work on hold, with a reason")
    ResponseEntity<CommandAnswers.Versioned> hold(@PathVariable UUID id, @Valid @RequestBody WorkOrderRequests.Reason body) {
        return action(id, (workOrder, version) -> new HoldWork(workOrder, body.reason(), version));
    }

    @PostMapping("/{id}/resume")
    @Operation(summary = "Resume work after a hold")
    ResponseEntity<CommandAnswers.Versioned> resume(@PathVariable UUID id) {
        return action(id, ResumeWork::new);
    }

    @PostMapping(path = "/{id}/scans", consumes = "application/json")
    @Operation(summary = "Record a progress scan (IN_PROGRESS); the caller is the technician")
    ResponseEntity<CommandAnswers.Created> scan(@PathVariable UUID id, @Valid @RequestBody WorkOrderRequests.RecordScan body) {
        UUID scanId = UUID.randomUUID();
        return created(id, "scans", scanId, version -> new RecordScan(new WorkOrderId(id), scanId, body.stage(), body.note(),
                RequestMetadata.currentUser(), version));
    }

    @PostMapping(path = "/{id}/inspections", consumes = "application/json")
    @Operation(summary = "Record an inspection (IN_PROGRESS); the caller is the inspector")
    ResponseEntity<CommandAnswers.Created> inspect(@PathVariable UUID id,
                                                @Valid @RequestBody WorkOrderRequests.RecordInspection body) {
        UUID inspectionId = UUID.randomUUID();
        return created(id, "inspections", inspectionId, version -> new RecordInspection(new WorkOrderId(id), inspectionId,
                body.result(), body.notes(), RequestMetadata.currentUser(), version));
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Complete (latest inspection PASS, no part line PENDING or BACKORDERED); reserved stock is issued")
    ResponseEntity<CommandAnswers.Versioned> complete(@PathVariable UUID id) {
        return action(id, CompleteWorkOrder::new);
    }

    @PostMapping("/{id}/invoice")
    @Operation(summary = "Invoice at the configured tax rate (wrench.tax-rate); a total of 0.00 is PAID at once")
    ResponseEntity<CommandAnswers.Versioned> invoice(@PathVariable UUID id) {
        return action(id, (workOrder, version) -> new InvoiceWorkOrder(workOrder, properties.getTaxRate(), version));
    }

    @PostMapping(path = "/{id}/payments", consumes = "application/json")
    @Operation(summary = "Record a payment (409 when more than the balance); the one reaching 0.00 makes it PAID")
    ResponseEntity<CommandAnswers.Created> pay(@PathVariable UUID id, @Valid @RequestBody WorkOrderRequests.RecordPayment body) {
        UUID paymentId = UUID.randomUUID();
        return created(id, "payments", paymentId, version -> new RecordPayment(new WorkOrderId(id), paymentId, body.amount(),
                body.method(), version));
    }

    @PostMapping(path = "/{id}/cancel", consumes = "application/json")
    @Operation(summary = "Cancel, with a reason; part lines are released")
    ResponseEntity<CommandAnswers.Versioned> cancel(@PathVariable UUID id, @Valid @RequestBody WorkOrderRequests.Reason body) {
        return action(id, (workOrder, version) -> new CancelWorkOrder(workOrder, body.reason(), version));
    }

    /** An action on the work order, built with the client's If-Match version. */
    private ResponseEntity<CommandAnswers.Versioned> action(UUID id, BiFunction<WorkOrderId, Long, Object> command) {
        WorkOrderId workOrder = new WorkOrderId(id);
        return commands.action(version -> command.apply(workOrder, version));
    }

    private String urlOf(WorkOrderId id) {
        String base = properties.getPublicBaseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/work-orders/" + id;
    }

    /** A line, scan, inspection or payment: 201 {id} at {@code /api/work-orders/{id}/<collection>/<childId>}. */
    private ResponseEntity<CommandAnswers.Created> created(UUID workOrderId, String collection, UUID childId,
                                                           Function<Long, Object> command) {
        return commands.childCreatedAt(command, childId,
                "/api/work-orders/" + workOrderId + "/" + collection + "/" + childId);
    }
}
