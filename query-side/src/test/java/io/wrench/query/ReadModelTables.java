package io.wrench.query;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import javax.sql.DataSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The read-model tables of the test database, looked at without going through any projection. */
final class ReadModelTables {

    private final JdbcTemplate jdbc;

    ReadModelTables(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** Rows per table, every table of the schema: after a reset, what the projection left behind. */
    Map<String, Integer> rowCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        names().forEach(table -> counts.put(table, jdbc.queryForObject("select count(*) from " + table, Integer.class)));
        return counts;
    }

    void empty() {
        names().forEach(table -> jdbc.execute("truncate table " + table));
    }

    private List<String> names() {
        return jdbc.queryForList("select table_name from information_schema.tables"
                + " where table_schema = 'PUBLIC' and table_type = 'BASE TABLE' order by table_name", String.class);
    }

    /** The context, and so the database, outlives a test class: no test may see another's rows. */
    static final class EmptyBeforeEach implements BeforeEachCallback {

        @Override
        public void beforeEach(ExtensionContext context) {
            new ReadModelTables(SpringExtension.getApplicationContext(context).getBean(DataSource.class)).empty();
        }
    }
}
