package io.wrench.query.dashboard;

import io.wrench.query.dashboard.messages.DashboardView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tallies a reader keeps: moved on by the projection's change log when every number in between is
 * there, read again from the tables when one is missing. The log and the tables are made to disagree on
 * purpose, so each answer shows which one it came from.
 */
class HistoryFiguresTest {

    private static final LocalDate FROM = LocalDate.of(2026, 11, 1);
    private static final LocalDate TO = LocalDate.of(2026, 11, 30);

    private final JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(
            "jdbc:h2:mem:history-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
    private final HistoryFigures history = new HistoryFigures(jdbc);
    private final UUID workOrder = UUID.randomUUID();

    @BeforeEach
    void tables() {
        jdbc.execute("create table dashboard_state (id integer primary key, position bigint, status_time_version bigint)");
        jdbc.execute("insert into dashboard_state values (1, -1, 500)");
        jdbc.execute("create table dashboard_status_time (work_order_id uuid, status varchar(20), technician varchar(200),"
                + " seconds bigint, primary key (work_order_id, status, technician))");
        jdbc.execute("create table dashboard_status_change (version bigint primary key, scope varchar(200),"
                + " status varchar(20), on_day date, old_seconds bigint, new_seconds bigint)");
        jdbc.execute("create table dashboard_work_order (id uuid primary key, completed_day date, cycle_seconds bigint)");
        jdbc.update("insert into dashboard_status_time values (?, 'OPEN', 'tech-a', 3600)", workOrder);
        jdbc.update("insert into dashboard_status_time values (?, 'OPEN', '', 3600)", workOrder);
        jdbc.update("insert into dashboard_work_order values (?, ?, 7200)", workOrder, Date.valueOf(FROM.plusDays(3)));
    }

    private void change(long version, String scope, String status, LocalDate day, Long before, Long after) {
        jdbc.update("insert into dashboard_status_change values (?, ?, ?, ?, ?, ?)", version, scope, status,
                day == null ? null : Date.valueOf(day), before, after);
        jdbc.update("update dashboard_state set status_time_version = ?", version);
    }

    private static BigDecimal hours(String value) {
        return new BigDecimal(value);
    }

    @Test
    void the_first_read_takes_the_tables_then_the_log_moves_it_on() {
        HistoryFigures.Figures first = history.at(500, FROM, TO);
        assertThat(first.timeInStatus().overall().get("OPEN").meanHours()).isEqualTo(hours("2.00"));
        assertThat(first.timeInStatus().byTechnician().get("tech-a").get("OPEN").meanHours()).isEqualTo(hours("1.00"));
        assertThat(first.cycleTime().count()).isEqualTo(1);

        // the log (and only the log) says the work order's time open went from 2 h to 3 h, a second one
        // completed in the period after 4 h, and one before the period does not count
        change(501, HistoryFigures.OVERALL, "OPEN", null, 7200L, 10800L);
        change(502, HistoryFigures.CYCLE, "COMPLETED", FROM.plusDays(5), null, 14400L);
        change(503, HistoryFigures.CYCLE, "COMPLETED", FROM.minusDays(1), null, 36000L);
        change(504, "tech-b", "IN_PROGRESS", null, null, 1800L);

        HistoryFigures.Figures moved = history.at(504, FROM, TO);
        assertThat(moved.timeInStatus().overall().get("OPEN")).isEqualTo(new DashboardView.Durations(1,
                hours("3.00"), hours("3.00"), hours("3.00")));
        assertThat(moved.cycleTime()).isEqualTo(new DashboardView.Durations(2, hours("3.00"), hours("3.00"), hours("4.00")));
        assertThat(moved.timeInStatus().byTechnician()).containsOnlyKeys("tech-a", "tech-b");
        assertThat(moved.timeInStatus().byTechnician().get("tech-b")).containsOnlyKeys("IN_PROGRESS");
    }

    @Test
    void a_missing_number_in_the_log_means_the_tables_are_read_again() {
        history.at(500, FROM, TO);
        jdbc.update("update dashboard_status_time set seconds = 36000 where technician = ''");
        change(502, HistoryFigures.OVERALL, "OPEN", null, 7200L, 999_999L);   // 501 is not in the log

        HistoryFigures.Figures reread = history.at(502, FROM, TO);
        assertThat(reread.timeInStatus().overall().get("OPEN").meanHours()).as("from the tables").isEqualTo(hours("11.00"));
    }

    @Test
    void a_reader_whose_transaction_sees_an_older_version_is_answered_from_the_tables_and_the_tallies_stay() {
        history.at(500, FROM, TO);
        change(501, HistoryFigures.OVERALL, "OPEN", null, 7200L, 10800L);
        assertThat(history.at(501, FROM, TO).timeInStatus().overall().get("OPEN").meanHours()).isEqualTo(hours("3.00"));

        assertThat(history.at(500, FROM, TO).timeInStatus().overall().get("OPEN").meanHours()).isEqualTo(hours("2.00"));
        assertThat(history.at(501, FROM, TO).timeInStatus().overall().get("OPEN").meanHours())
                .as("still moved on by the log").isEqualTo(hours("3.00"));
    }

    @Test
    void another_period_reads_its_completions_from_the_table() {
        history.at(500, FROM, TO);
        assertThat(history.at(500, FROM.plusDays(10), TO).cycleTime().count()).isZero();
        assertThat(history.at(500, FROM, TO).cycleTime().count()).isEqualTo(1);
    }
}
