package io.wrench.query.dashboard.messages;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The dashboard document (docs/dashboards.md defines each figure). */
public record DashboardView(Period period, WorkOrders workOrders, Durations cycleTime, TimeInStatus timeInStatus,
                            Map<String, Workload> technicians, Revenue revenue, Inspections inspections,
                            LowStock lowStock, BigDecimal stockValue, long position, Instant generatedAt) {

    public record Period(LocalDate from, LocalDate to) {
    }

    public record WorkOrders(Map<String, Long> byStatus, Overdue overdue) {
    }

    public record Overdue(long count, List<OverdueWorkOrder> oldest) {
    }

    public record OverdueWorkOrder(UUID id, String number, LocalDate dueDate, long daysOverdue) {
    }

    /** Per status, the time work orders spent in it; overall and per technician. */
    public record TimeInStatus(Map<String, Durations> overall, Map<String, Map<String, Durations>> byTechnician) {
    }

    public record Durations(long count, BigDecimal meanHours, BigDecimal medianHours, BigDecimal p90Hours) {
    }

    /** A technician's open work, keyed by their user id; {@code name} is the directory's display name. */
    public record Workload(String name, long assigned, long inProgress, long onHold, BigDecimal labourHours) {
    }

    public record Revenue(Amounts today, Amounts last7Days, Amounts last30Days, List<Day> byDay) {
    }

    public record Amounts(BigDecimal invoiced, BigDecimal paid) {
    }

    public record Day(LocalDate date, BigDecimal invoiced, BigDecimal paid) {
    }

    public record Inspections(long count, long passed, BigDecimal passRate, long firstInspections, long firstPassed,
                              BigDecimal firstTimePassRate) {
    }

    public record LowStock(long count, List<LowStockItem> items) {
    }

    public record LowStockItem(UUID id, String sku, String name, BigDecimal available, BigDecimal reorderLevel) {
    }
}
