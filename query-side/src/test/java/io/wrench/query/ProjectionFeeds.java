package io.wrench.query;

import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;

/** Makes a {@link ProjectionFeed} for a projection bean of the test context; one feed per test. */
public class ProjectionFeeds {

    private final PlatformTransactionManager transactions;
    private final ReadModelTables tables;

    ProjectionFeeds(PlatformTransactionManager transactions, DataSource dataSource) {
        this.transactions = transactions;
        this.tables = new ReadModelTables(dataSource);
    }

    public ProjectionFeed feed(Object projection) {
        return new ProjectionFeed(projection, transactions, tables);
    }
}
