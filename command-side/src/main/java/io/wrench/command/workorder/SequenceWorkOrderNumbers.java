package io.wrench.command.workorder;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;
import java.util.Locale;

/**
 * Numbers come from the database sequence {@code work_order_number_seq}: unique across instances and
 * restarts. A sequence is not transactional, so a refused or rolled-back opening leaves a gap; the
 * number keeps counting across years (the year only labels it).
 */
@Component
class SequenceWorkOrderNumbers implements WorkOrderNumbers {

    static final String SEQUENCE = "work_order_number_seq";

    private final DataSource dataSource;
    private volatile DataFieldMaxValueIncrementer sequence;

    SequenceWorkOrderNumbers(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String next(int year) {
        return format(year, sequence().nextLongValue());
    }

    /** Six digits, zero padded; a seventh digit is kept rather than wrapping round. */
    static String format(int year, long number) {
        return String.format(Locale.ROOT, "WO-%d-%06d", year, number);
    }

    private DataFieldMaxValueIncrementer sequence() {
        DataFieldMaxValueIncrementer current = sequence;
        if (current == null) {
            current = incrementerFor(dataSource);
            sequence = current;
        }
        return current;
    }

    static DataFieldMaxValueIncrementer incrementerFor(DataSource dataSource) {
        String product;
        try {
            product = JdbcUtils.commonDatabaseName(
                    JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database holds " + SEQUENCE, e);
        }
        return switch (product) {
            case "H2" -> new H2SequenceMaxValueIncrementer(dataSource, SEQUENCE);
            case "PostgreSQL" -> new PostgresSequenceMaxValueIncrementer(dataSource, SEQUENCE);
            default -> throw new IllegalStateException("no work-order number sequence support for " + product);
        };
    }
}
