package io.wrench.query;

import org.axonframework.config.ProcessingGroup;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A projection test: the JPA slice plus every projection (the beans that name a processing group) on
 * in-memory H2, its schema made by Hibernate from the entities (the real one is Flyway's, checked by
 * the api tests). Hibernate gives every decimal column two places where the real quantity and cost
 * columns have four, so stored quantities and costs in these tests have two at most. One context
 * serves every projection test, so each test starts from empty tables.
 * <p>
 * The test itself runs outside a transaction: a {@link ProjectionFeed} commits events as a processor
 * does, and each query handler reads in its own transaction what a client would see.
 * <p>
 * The database is Boot's pooled one, not the slice's replacement: H2 2.4.240 fails every insert into
 * a table with a {@code CHECK} (Hibernate adds one per enum column) once the connection that created
 * the table is closed (h2database/h2database#4308), and the replacement closes every connection after
 * use. The pool keeps that connection open for as long as the context lives.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@DataJpaTest(showSql = false, includeFilters = @ComponentScan.Filter(ProcessingGroup.class),
        properties = {
                "spring.datasource.url=jdbc:h2:mem:projections;DB_CLOSE_DELAY=-1",
                "spring.datasource.hikari.max-lifetime=0",
                "spring.jpa.hibernate.ddl-auto=create-drop"})
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(ProjectionFeeds.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
@ExtendWith(ReadModelTables.EmptyBeforeEach.class)
public @interface ProjectionTest {
}
