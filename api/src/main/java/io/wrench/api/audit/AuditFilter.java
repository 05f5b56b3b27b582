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
     * The rows to page through, as a FROM item named {@code a}. A time window with no selective equality
     * is read through the time index first: ordered by position, the planner would otherwise walk the
     * position order of a whole type and filter the window out of it (events of a window are clustered,
     * not spread evenly as it assumes). {@code OFFSET 0} keeps PostgreSQL from flattening the subquery.
     */
    String source(List<Object> params) {
        if ((from == null && to == null) || aggregateId != null || user != null || requestId != null
                || correlationId != null) {
            return "audit_event a";
        }
        params.add(OffsetDateTime.ofInstant(from == null ? Instant.EPOCH : from, ZoneOffset.UTC));
        params.add(OffsetDateTime.ofInstant(to == null ? Instant.parse("9999-12-31T00:00:00Z") : to, ZoneOffset.UTC));
        return "(select * from audit_event where occurred_at >= ? and occurred_at < ? offset 0) a";
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
