package io.wrench.api.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The filters of {@code GET /api/audit/events} and the export, as SQL over the audit index (alias {@code a}). */
record AuditFilter(String aggregateId, String aggregateType, String type, String user, String requestId,
                   String correlationId, Instant from, Instant to) {

    static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null, null, null);

    /**
     * One page of the matching rows in position order ({@code position > after}, at most {@code size}), the
     * given columns of {@code audit_event a}. A time window without an aggregate id, request id or
     * correlation id (which narrow the rows to a few) is read time-first: ordered by position, the planner
     * would otherwise walk the position order of a whole type or user and filter the window out of it
     * (events of a window are clustered, not spread evenly as it assumes). The window's matching positions
     * come from a range of an index on (aggregate_type | event_type | user_id | user_name | -, occurred_at,
     * position) — on PostgreSQL without touching the table except for a user — ({@code OFFSET 0} keeps
     * PostgreSQL from flattening that subquery), the first {@code size} after the cursor are kept, and only
     * their rows are read in full.
     */
    String page(String columns, List<Object> params, long after, int size) {
        if (!timeFirst()) {
            params.add(after);
            String where = where(params);
            params.add(size);
            return "select " + columns + " from audit_event a where a.position > ?" + where
                    + " order by a.position limit ?";
        }
        String window = "select a.position from audit_event a where 1 = 1" + where(params) + " offset 0";
        params.add(after);
        params.add(size);
        return "select " + columns + " from audit_event a join (select w.position from (" + window
                + ") w where w.position > ? order by w.position limit ?) p on p.position = a.position"
                + " order by a.position";
    }

    private boolean timeFirst() {
        return (from != null || to != null) && aggregateId == null && requestId == null && correlationId == null;
    }

    /** {@code " and ..."} conditions, their parameters appended to {@code params}. */
    String where(List<Object> params) {
        StringBuilder sql = new StringBuilder();
        equal(sql, params, "a.aggregate_id", aggregateId);
        equal(sql, params, "a.aggregate_type", aggregateType);
        equal(sql, params, "a.event_type", type);
        if (user != null) {
            sql.append(" and (a.user_id = ? or a.user_name = ?)");
            params.add(user);
            params.add(user);
        }
        equal(sql, params, "a.request_id", requestId);
        equal(sql, params, "a.correlation_id", correlationId);
        if (from != null) {
            sql.append(" and a.occurred_at >= ?");
            params.add(OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        }
        if (to != null) {
            sql.append(" and a.occurred_at < ?");
            params.add(OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        }
        return sql.toString();
    }

    private static void equal(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = ?");
            params.add(value);
        }
    }
}
