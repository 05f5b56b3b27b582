package io.wrench.query.workorder;

import io.wrench.shared.appointment.AppointmentId;

import io.wrench.shared.workorder.*;
import io.wrench.query.PageView;
import io.wrench.query.Decimals;
import io.wrench.query.SearchText;
import io.wrench.query.Sorting;
import io.wrench.query.workorder.messages.FindWorkOrder;
import io.wrench.query.workorder.messages.FindWorkOrders;
import io.wrench.query.workorder.messages.WorkOrderDetails;
import io.wrench.query.workorder.messages.WorkOrderSummary;
import io.wrench.shared.customer.AssetId;
import io.wrench.shared.customer.CustomerId;
import io.wrench.shared.inventory.StockItemId;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;

/**
 * The work-order list and detail, read from the tables {@link WorkOrderProjection} keeps: filters as one
 * chain of optional specifications, the detail with its lines, inspections, payments and scans.
 */
@Component
class WorkOrderQueries {

    private final WorkOrderRepository workOrders;
    private final WorkOrderLabourRepository labour;
    private final WorkOrderPartRepository parts;
    private final WorkOrderInspectionRepository inspections;
    private final WorkOrderPaymentRepository payments;
    private final WorkOrderScanRepository scans;
    private final WorkOrderAssetRepository assets;
    private final WorkOrderJobRepository jobs;

    WorkOrderQueries(WorkOrderRepository workOrders, WorkOrderLabourRepository labour, WorkOrderPartRepository parts,
                     WorkOrderInspectionRepository inspections, WorkOrderPaymentRepository payments,
                     WorkOrderScanRepository scans, WorkOrderAssetRepository assets, WorkOrderJobRepository jobs) {
        this.jobs = jobs;
        this.workOrders = workOrders;
        this.labour = labour;
        this.parts = parts;
        this.inspections = inspections;
        this.payments = payments;
        this.scans = scans;
        this.assets = assets;
    }

    /** Declared raw: Axon matches a query's response type against the raw class. */
    @QueryHandler
    @Transactional(readOnly = true)
    @SuppressWarnings("rawtypes")
    PageView handle(FindWorkOrders query) {
        String technician = query.technician() == null || query.technician().isBlank() ? null : query.technician().trim();
        Specification<WorkOrderEntity> spec = SearchText.<WorkOrderEntity>contains(query.search())
                .and(anyOf("status", query.status()))
                .and(equalTo("customerId", query.customerId() == null ? null : query.customerId().value()))
                .and(equalTo("technician", technician))
                .and(anyOf("priority", query.priority()))
                .and(equalTo("overdue", query.overdue()));
        if (query.dueFrom() != null) {
            spec = spec.and((root, q, cb) -> cb.greaterThanOrEqualTo(root.<LocalDate>get("dueDate"), query.dueFrom()));
        }
        if (query.dueTo() != null) {
            spec = spec.and((root, q, cb) -> cb.lessThanOrEqualTo(root.<LocalDate>get("dueDate"), query.dueTo()));
        }
        var page = workOrders.findAll(spec, Sorting.pageable(query.page(), FindWorkOrders.SORTABLE, "number", "id"))
                .map(w -> new WorkOrderSummary(new WorkOrderId(w.id), w.number, w.status, new CustomerId(w.customerId),
                        w.customerName, w.assetId == null ? null : new AssetId(w.assetId), w.priority, w.technician, w.technicianName,
                        w.dueDate, w.overdue, Decimals.money(w.total), w.openedAt));
        return PageView.of(page);
    }

    /** A filter that is left out (matches everything) when no value is given. */
    private static Specification<WorkOrderEntity> anyOf(String attribute, Collection<?> values) {
        return (root, q, cb) -> values.isEmpty() ? cb.conjunction() : root.get(attribute).in(values);
    }

    /** A filter that is left out (matches everything) when its value is null. */
    private static Specification<WorkOrderEntity> equalTo(String attribute, Object value) {
        return (root, q, cb) -> value == null ? cb.conjunction() : cb.equal(root.get(attribute), value);
    }

    @QueryHandler
    @Transactional(readOnly = true)
    Optional<WorkOrderDetails> handle(FindWorkOrder query) {
        return workOrders.findById(query.workOrderId().value()).map(this::details);
    }

    private WorkOrderDetails details(WorkOrderEntity w) {
        WorkOrderDetails.Asset asset = w.assetId == null ? null : assets.findById(w.assetId)
                .map(a -> new WorkOrderDetails.Asset(new AssetId(a.id), a.description.kind, a.description.make,
                        a.description.model, a.description.year, a.description.vin, a.description.serialNumber,
                        a.description.licensePlate))
                .orElse(new WorkOrderDetails.Asset(new AssetId(w.assetId), null, null, null, null, null, null, null));
        return new WorkOrderDetails(new WorkOrderId(w.id), w.number, w.status, w.version,
                new WorkOrderDetails.Customer(new CustomerId(w.customerId), w.customerName), asset, w.description,
                w.priority, w.dueDate, w.overdue, w.technician, w.technicianName, w.approvedBy, Decimals.money(w.approvedTotal),
                labour.findByWorkOrderIdOrderByPositionAsc(w.id).stream()
                        .map(l -> new WorkOrderDetails.LabourLine(new LineId(l.id), l.description,
                                Decimals.quantity(l.hours), Decimals.money(l.hourlyRate), Decimals.money(l.amount)))
                        .toList(),
                parts.findByWorkOrderIdOrderByPositionAsc(w.id).stream()
                        .map(p -> new WorkOrderDetails.PartLine(new LineId(p.id), new StockItemId(p.itemId), p.sku,
                                p.name, Decimals.quantity(p.quantity), Decimals.money(p.unitPrice), Decimals.money(p.amount),
                                p.status))
                        .toList(),
                inspections.findByWorkOrderIdOrderByPositionAsc(w.id).stream()
                        .map(i -> new WorkOrderDetails.Inspection(i.id, i.result, i.notes, i.inspector, i.inspectorName,
                                i.recordedAt))
                        .toList(),
                payments.findByWorkOrderIdOrderByPositionAsc(w.id).stream()
                        .map(p -> new WorkOrderDetails.Payment(p.id, Decimals.money(p.amount), p.method,
                                Decimals.money(p.balance), p.paidAt))
                        .toList(),
                totals(w),
                scans.findByWorkOrderIdOrderByPositionAsc(w.id).stream()
                        .map(s -> new WorkOrderDetails.Scan(s.id, s.stage, s.note, s.technician, s.technicianName, s.scannedAt))
                        .toList(),
                w.openedAt, w.completedAt,
                jobs.findByWorkOrderIdOrderByPositionAsc(w.id).stream()
                        .map(j -> new WorkOrderDetails.AppliedJob(j.id, j.serviceCode, j.revision, j.name,
                                java.util.Arrays.stream(j.lineIds.split(",")).filter(s -> !s.isEmpty())
                                        .map(LineId::of).toList()))
                        .toList(),
                w.appointmentId == null ? null : new AppointmentId(w.appointmentId));
    }

    private static WorkOrderDetails.Totals totals(WorkOrderEntity w) {
        BigDecimal taxRate = w.taxRate == null ? null : Decimals.quantity(w.taxRate);
        return new WorkOrderDetails.Totals(Decimals.money(w.labour), Decimals.money(w.parts), taxRate,
                Decimals.money(w.tax), Decimals.money(w.total), Decimals.money(w.paid), Decimals.money(w.balance));
    }
}
