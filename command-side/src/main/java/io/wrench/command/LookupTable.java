package io.wrench.command;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * A command-side lookup table behind a set-based rule, written by a subscribing processor (see
 * {@link CommandSideProcessing}) in the transaction that stores the event. The one place for how such a
 * table reads a single row, lets its unique index have the last word when two commands race, and
 * empties itself for a replay.
 */
public abstract class LookupTable {

    protected final JdbcTemplate jdbc;

    protected LookupTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The first row the query finds, if any. */
    protected final <T> Optional<T> first(String sql, RowMapper<T> row, Object... args) {
        return jdbc.query(sql, row, args).stream().findFirst();
    }

    /**
     * A write under a unique index: when a command that raced past the aggregate's check got there
     * first, the index refuses it and this command is rolled back with the rule's violation.
     */
    protected final void writeUnique(Supplier<? extends RuntimeException> taken, String sql, Object... args) {
        try {
            jdbc.update(sql, args);
        } catch (DuplicateKeyException raced) {
            throw taken.get();
        }
    }

    /** Empties the tables, in the order given (children first), so a reset rebuilds them from the events. */
    protected final void clear(String... tables) {
        for (String table : tables) {
            jdbc.update("delete from " + table);
        }
    }
}
