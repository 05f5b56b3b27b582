package io.wrench.api.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.wrench.shared.Identifier;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event carries a revision from its first commit, and docs/events.md names every event. */
class EventCatalogueTest {

    private static List<JavaClass> events() {
        return new ClassFileImporter().importPackages("io.wrench.shared").stream()
                .filter(JavaClass::isRecord)
                .filter(c -> !c.isAssignableTo(Identifier.class))
                .filter(c -> !c.isAssignableTo(io.wrench.shared.EventValue.class))
                .filter(c -> c.getPackageName().matches("io\\.wrench\\.shared\\.(customer|inventory|workorder|catalogue|appointment|technician)"))
                .toList();
    }

    @Test
    void every_event_has_a_revision() {
        assertThat(events()).hasSizeGreaterThan(30)
                .allSatisfy(event -> assertThat(event.isAnnotatedWith(Revision.class)).as(event.getName()).isTrue());
    }

    @Test
    void the_catalogue_names_every_event() throws IOException {
        String catalogue = Files.readString(Path.of("..", "docs", "events.md"));
        assertThat(events()).allSatisfy(event ->
                assertThat(catalogue).as(event.getSimpleName()).contains("`" + event.getSimpleName() + "`"));
    }
}
