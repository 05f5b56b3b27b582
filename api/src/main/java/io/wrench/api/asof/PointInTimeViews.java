package io.wrench.api.asof;

import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

import javax.sql.DataSource;
import java.util.Map;
import java.util.UUID;

/**
 * The read models of customers, stock items and work orders once more, in a context of their own:
 * the query side's projections, queries, entities and repositories (the very classes that keep the
 * live views) over an in-memory H2 database whose tables Hibernate creates from the entities. Nothing
 * is ever committed there: {@link PointInTime} replays into it and reads back inside one transaction
 * that it rolls back, one answer at a time.
 * <p>
 * Deliberately not a {@code @Configuration}: the application's component scan must not find it.
 */
@EnableJpaRepositories(basePackages = "io.wrench.query")
@ComponentScan(basePackages = {"io.wrench.query.customer", "io.wrench.query.inventory", "io.wrench.query.workorder"},
        useDefaultFilters = false,
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*\\.[A-Za-z]+(Projection|Queries)"))
class PointInTimeViews {

    @Bean
    DataSource dataSource() {
        // one connection for the life of the context (PointInTime answers one at a time): H2 evaluates some check
        // constraints in the session that created them, which must therefore stay open. H2 is on every profile's classpath.
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource("jdbc:h2:mem:wrench-as-of-"
                + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", true);
        dataSource.setDriverClassName("org.h2.Driver");
        dataSource.setAutoCommit(false);
        return dataSource;
    }

    @Bean
    LocalContainerEntityManagerFactoryBean entityManagerFactory(DataSource dataSource) {
        LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
        factory.setDataSource(dataSource);
        factory.setPackagesToScan("io.wrench.query");
        factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        // the column names of the live views: Spring Boot's naming (on_hand for onHand), which a bare factory lacks
        factory.setJpaPropertyMap(Map.of("hibernate.hbm2ddl.auto", "create",
                "hibernate.physical_naming_strategy", CamelCaseToUnderscoresNamingStrategy.class.getName()));
        factory.setPersistenceUnitName("wrench-as-of");
        return factory;
    }

    @Bean
    JpaTransactionManager transactionManager(jakarta.persistence.EntityManagerFactory entityManagerFactory) {
        return new JpaTransactionManager(entityManagerFactory);
    }
}
