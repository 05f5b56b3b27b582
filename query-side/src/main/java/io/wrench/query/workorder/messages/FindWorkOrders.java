package io.wrench.query.workorder.messages;

import io.wrench.query.PageQuery;
import io.wrench.shared.customer.CustomerId;
import io.wrench.shared.workorder.Priority;
import io.wrench.shared.workorder.WorkOrderStatus;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * The work-order list. Every filter is optional (null or empty = any); {@code status} and
 * {@code priority} match any of the values given; {@code dueFrom}/{@code dueTo} are inclusive;
 * {@code search} matches number, description and customer name, ignoring case.
 */
public record FindWorkOrders(Set<WorkOrderStatus> status, CustomerId customerId, String technician,
                             Set<Priority> priority, Boolean overdue, LocalDate dueFrom, LocalDate dueTo, String search,
                             PageQuery page) {

    public FindWorkOrders {
        status = status == null ? Set.of() : Set.copyOf(status);
        priority = priority == null ? Set.of() : Set.copyOf(priority);
    }

    /** API sort field → read-model property; priority sorts by urgency (LOW first), not by name. */
    public static final Map<String, String> SORTABLE = Map.of(
            "number", "number",
            "status", "status",
            "customerName", "customerName",
            "priority", "priorityRank",
            "technician", "technician",
            "dueDate", "dueDate",
            "overdue", "overdue",
            "total", "total",
            "openedAt", "openedAt");

    public static Set<String> sortFields() {
        return SORTABLE.keySet();
    }
}
