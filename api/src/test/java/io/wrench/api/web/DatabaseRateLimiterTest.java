package io.wrench.api.web;

import io.wrench.api.config.WrenchProperties;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under the postgres and axonserver profiles every instance draws on the same buckets: two limiters
 * (two instances) on one PostgreSQL database share a client's limit. Needs the test database.
 */
class DatabaseRateLimiterTest {

    @Test
    void two_instances_share_one_bucket_in_postgresql() throws Exception {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                System.getenv().getOrDefault("WRENCH_TEST_DB_URL", "jdbc:postgresql://localhost:5432/wrench_test"),
                System.getenv().getOrDefault("WRENCH_TEST_DB_USER", "wrench"),
                System.getenv().getOrDefault("WRENCH_TEST_DB_PASSWORD", "wrench"));
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        String migration = new ClassPathResource("db/migration/postgresql/V8_1__rate_limit_buckets.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        jdbc.execute("CREATE SCHEMA IF NOT EXISTS rate_limit_test");
        DriverManagerDataSource inTestSchema = new DriverManagerDataSource(dataSource.getUrl()
                + (dataSource.getUrl().contains("?") ? "&" : "?") + "currentSchema=rate_limit_test",
                dataSource.getUsername(), dataSource.getPassword());
        JdbcTemplate testJdbc = new JdbcTemplate(inTestSchema);
        testJdbc.execute("DROP TABLE IF EXISTS rate_limit_bucket");
        testJdbc.execute(migration.replaceAll("(?m)^--.*$", ""));

        WrenchProperties.RateLimit limits = new WrenchProperties().getRateLimit();
        limits.getCommands().setCapacity(3);
        limits.getCommands().setPeriod(java.time.Duration.ofHours(1)); // nothing refills during the test
        RateLimiter first = RateLimiter.inDatabase(limits, inTestSchema);
        RateLimiter second = RateLimiter.inDatabase(limits, inTestSchema);
        String client = "client-" + UUID.randomUUID();

        assertThat(first.tryConsume(RateLimiter.Kind.COMMANDS, client).allowed()).isTrue();
        assertThat(second.tryConsume(RateLimiter.Kind.COMMANDS, client).allowed()).isTrue();
        assertThat(first.tryConsume(RateLimiter.Kind.COMMANDS, client).remaining()).isZero();
        RateLimiter.Decision refused = second.tryConsume(RateLimiter.Kind.COMMANDS, client);
        assertThat(refused.allowed()).as("the other instance sees the same bucket").isFalse();
        assertThat(refused.resetSeconds()).isBetween(1L, 3600L);
        assertThat(second.tryConsume(RateLimiter.Kind.QUERIES, client).allowed()).as("queries: another bucket").isTrue();
        assertThat(testJdbc.queryForObject("select count(*) from rate_limit_bucket", Integer.class)).isEqualTo(2);
        assertThat(first.removeExpired()).as("no bucket is full yet").isZero();
        testJdbc.execute("DROP SCHEMA rate_limit_test CASCADE");
    }
}
