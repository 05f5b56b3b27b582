package io.wrench.api.cluster;

import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a rebuild builds its copy of a view: a schema of its own ({@code wrench_copy_<processor>}),
 * made by the same Flyway migrations as the live tables (so the copy has exactly their columns, keys and
 * indexes), then stripped of every table that is not the view's. The copy's processor runs its
 * transactions {@linkplain #transactionsIn in that schema}: its connections find unqualified names there
 * first, and everything else (the token store, the event store) in the default schema, because the copy
 * holds nothing else. On H2 that is {@code SET SCHEMA} plus a search path, on PostgreSQL
 * {@code search_path}; either is set when the connection is taken from the pool and undone before it
 * goes back. A connection that cannot be reset is evicted, never reused.
 */
public class ViewSchemas {

    private static final Logger log = LoggerFactory.getLogger(ViewSchemas.class);
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private final JdbcTemplate jdbc;
    private final Flyway flyway;

    public ViewSchemas(JdbcTemplate jdbc, Flyway flyway) {
        this.jdbc = jdbc;
        this.flyway = flyway;
    }

    /** The copy's schema: one per processor, so a rebuild that resumes finds it again. */
    public static String schemaFor(String processor) {
        return "wrench_copy_" + processor.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    }

    /** Makes the schema afresh from the migrations and keeps only {@code tables} in it. */
    public void create(String schema, List<String> tables) {
        drop(schema);
        Flyway.configure(getClass().getClassLoader())
                .configuration(flyway.getConfiguration())
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .load()
                .migrate();
        Set<String> kept = tables.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        // anything else the migrations made there would hide the live one from the copy's processor
        for (var table : jdbc.queryForList("select table_name, table_type from information_schema.tables "
                + "where lower(table_schema) = ?", schema.toLowerCase(Locale.ROOT))) {
            String name = String.valueOf(table.get("table_name"));
            if (!kept.contains(name.toLowerCase(Locale.ROOT))) {
                boolean view = String.valueOf(table.get("table_type")).toUpperCase(Locale.ROOT).contains("VIEW");
                jdbc.execute("drop " + (view ? "view " : "table ") + quoted(schema) + "." + quoted(name) + " cascade");
            }
        }
        for (String sequence : jdbc.queryForList("select sequence_name from information_schema.sequences "
                + "where lower(sequence_schema) = ?", String.class, schema.toLowerCase(Locale.ROOT))) {
            jdbc.execute("drop sequence " + quoted(schema) + "." + quoted(sequence));
        }
        List<String> missing = kept.stream().filter(t -> jdbc.queryForObject("select count(*) from "
                + "information_schema.tables where lower(table_schema) = ? and lower(table_name) = ?",
                Integer.class, schema.toLowerCase(Locale.ROOT), t) == 0).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the migrations create no table " + missing + " for the copy in " + schema);
        }
    }

    /**
     * Flyway creates the schema (and its history table) with the name quoted, lower case also on H2; the
     * migrations' own tables are unquoted (upper case on H2), so they are named unquoted here, and names
     * read from the information schema are quoted as read.
     */
    static String quoted(String name) {
        return '"' + name + '"';
    }

    public void drop(String schema) {
        jdbc.execute("drop schema if exists " + quoted(schema) + " cascade");
    }

    /**
     * Inside the caller's transaction: the live tables take the copy's rows. Readers see the rows from
     * before or the rows after, never a mix (both databases answer reads from the last committed state).
     */
    public void replaceLive(String schema, List<String> tables) {
        for (String table : tables) {
            jdbc.update("delete from " + table);
            jdbc.update("insert into " + table + " select * from " + quoted(schema) + "." + table);
        }
    }

    /** Rows in a table of the copy (for the operations status and the tests). */
    public long rows(String schema, String table) {
        Long rows = jdbc.queryForObject("select count(*) from " + quoted(schema) + "." + table, Long.class);
        return rows == null ? 0 : rows;
    }

    /** A transaction manager whose transactions read and write the copy in {@code schema}. */
    public static TransactionManager transactionsIn(String schema, TransactionManager delegate) {
        return new TransactionManager() {
            @Override
            public Transaction startTransaction() {
                String previous = CURRENT.get();
                CURRENT.set(schema);
                Transaction transaction;
                try {
                    transaction = delegate.startTransaction();
                } catch (RuntimeException | Error e) {
                    restore(previous);
                    throw e;
                }
                return new Transaction() {
                    @Override
                    public void commit() {
                        try {
                            transaction.commit();
                        } finally {
                            restore(previous);
                        }
                    }

                    @Override
                    public void rollback() {
                        try {
                            transaction.rollback();
                        } finally {
                            restore(previous);
                        }
                    }
                };
            }
        };
    }

    private static void restore(String previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    /** Wraps the application's data source so that connections taken inside {@link #transactionsIn} see the copy. */
    public static BeanPostProcessor routingConnections() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource dataSource && !(bean instanceof Routing) ? new Routing(dataSource) : bean;
            }
        };
    }

    enum Vendor {
        H2, POSTGRESQL;

        List<String> enter(String schema) {
            return this == H2 ? List.of("set schema " + quoted(schema), "set schema_search_path " + quoted(schema) + ", PUBLIC")
                    : List.of("set search_path to " + quoted(schema) + ", public");
        }

        List<String> leave() {
            return this == H2 ? List.of("set schema PUBLIC", "set schema_search_path PUBLIC")
                    : List.of("reset search_path");
        }

        static Vendor of(Connection connection) throws SQLException {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("h2")) {
                return H2;
            }
            if (product.contains("postgres")) {
                return POSTGRESQL;
            }
            throw new SQLException("a view copy needs H2 or PostgreSQL, not " + product);
        }
    }

    static final class Routing extends DelegatingDataSource {

        private volatile Vendor vendor;

        Routing(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return route(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return route(super.getConnection(username, password));
        }

        private Connection route(Connection connection) throws SQLException {
            String schema = CURRENT.get();
            if (schema == null) {
                return connection;
            }
            Vendor dialect = vendor;
            try {
                if (dialect == null) {
                    dialect = vendor = Vendor.of(connection);
                }
                execute(connection, dialect.enter(schema));
            } catch (SQLException | RuntimeException e) {
                discard(connection);
                throw e;
            }
            Vendor used = dialect;
            boolean[] closed = {false};
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("close") && method.getParameterCount() == 0) {
                            if (!closed[0]) {
                                closed[0] = true;
                                leave(connection, used);
                            }
                            return null;
                        }
                        try {
                            return method.invoke(connection, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        private void leave(Connection connection, Vendor vendor) throws SQLException {
            try {
                execute(connection, vendor.leave());
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            } catch (SQLException | RuntimeException e) {
                log.warn("Could not reset a connection that served a view copy; evicting it", e);
                discard(connection);
                return;
            }
            connection.close();
        }

        private void discard(Connection connection) throws SQLException {
            if (getTargetDataSource() instanceof HikariDataSource hikari) {
                hikari.evictConnection(connection);
            } else {
                connection.close();
            }
        }

        private static void execute(Connection connection, List<String> statements) throws SQLException {
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements) {
                    statement.execute(sql);
                }
            }
        }
    }
}
