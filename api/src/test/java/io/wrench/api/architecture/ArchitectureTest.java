package io.wrench.api.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module boundaries of docs/conventions.md, enforced. */
@AnalyzeClasses(packages = "io.wrench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule query_side_never_uses_the_command_side = noClasses()
            .that().resideInAPackage("io.wrench.query..")
            .should().dependOnClassesThat().resideInAPackage("io.wrench.command..");

    @ArchTest
    static final ArchRule command_side_never_uses_the_query_side = noClasses()
            .that().resideInAPackage("io.wrench.command..")
            .should().dependOnClassesThat().resideInAPackage("io.wrench.query..");

    @ArchTest
    static final ArchRule neither_side_uses_the_api = noClasses()
            .that().resideInAnyPackage("io.wrench.command..", "io.wrench.query..", "io.wrench.shared..")
            .should().dependOnClassesThat().resideInAPackage("io.wrench.api..");

    @ArchTest
    static final ArchRule shared_events_use_only_java_and_axon_serialization = classes()
            .that().resideInAPackage("io.wrench.shared..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.wrench.shared..",
                    "org.axonframework.serialization..");

    @ArchTest
    static final ArchRule aggregates_touch_no_web_and_no_jpa = noClasses()
            .that().areAnnotatedWith(Aggregate.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.persistence..",
                    "org.springframework.jdbc..", "javax.sql..");

    @ArchTest
    static final ArchRule aggregates_exist = classes()
            .that().areAnnotatedWith(Aggregate.class)
            .should().resideInAPackage("io.wrench.command..")
            .allowEmptyShould(false);
}
