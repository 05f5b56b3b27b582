package io.wrench.api.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams events exactly as Axon's JPA/JDBC event store keeps them ({@code domain_event_entry}), in global
 * order, with the ledger's leaf index from the audit index. Rows are fetched in chunks inside one
 * read-only transaction (PostgreSQL only streams with a cursor there), so memory stays constant.
 */
class StoreReader implements StoredEvents {

    private static final int FETCH_SIZE = 1000;
    private static final String COLUMNS = "select e.global_index, a.leaf_index, e.event_identifier, e.type, "
            + "e.aggregate_identifier, e.sequence_number, e.payload_type, e.payload_revision, e.time_stamp, e.payload, "
            + "e.meta_data from domain_event_entry e ";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    StoreReader(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @Override
    public long count() {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }

    @Override
    public void all(Consumer<StoredEvent> sink) {
        stream(COLUMNS + "left join audit_event a on a.position = e.global_index order by e.global_index", List.of(), sink);
    }

    @Override
    public void matching(AuditFilter filter, Consumer<StoredEvent> sink) {
        List<Object> params = new java.util.ArrayList<>();
        String where = filter.where(params);
        stream(COLUMNS + "join audit_event a on a.position = e.global_index where 1 = 1" + where
                + " order by e.global_index", params, sink);
    }

    private void stream(String sql, List<Object> params, Consumer<StoredEvent> sink) {
        readOnly.executeWithoutResult(status -> jdbc.query(connection -> {
            var statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < params.size(); i++) {
                statement.setObject(i + 1, params.get(i));
            }
            return statement;
        }, (ResultSet row) -> sink.accept(event(row))));
    }

    static StoredEvent event(ResultSet row) throws SQLException {
        long leaf = row.getLong(2);
        Long leafIndex = row.wasNull() ? null : leaf;
        long sequence = row.getLong(6);
        return new StoredEvent(row.getLong(1), leafIndex, row.getString(3), row.getString(4), row.getString(5),
                row.wasNull() ? null : sequence, row.getString(7), row.getString(8),
                row.getString(9), row.getBytes(10), row.getBytes(11));
    }
}
