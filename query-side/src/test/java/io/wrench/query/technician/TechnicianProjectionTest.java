package io.wrench.query.technician;

import io.wrench.query.PageQuery;
import io.wrench.query.PageView;
import io.wrench.query.ProjectionFeed;
import io.wrench.query.ProjectionFeeds;
import io.wrench.query.ProjectionTest;
import io.wrench.query.technician.messages.FindTechnician;
import io.wrench.query.technician.messages.FindTechnicians;
import io.wrench.query.technician.messages.TechnicianView;
import io.wrench.shared.technician.TechnicianDeactivated;
import io.wrench.shared.technician.TechnicianId;
import io.wrench.shared.technician.TechnicianReactivated;
import io.wrench.shared.technician.TechnicianRegistered;
import io.wrench.shared.technician.TechnicianRenamed;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@ProjectionTest
class TechnicianProjectionTest {

    private static final PageQuery ALL = new PageQuery(0, 50, null, false);

    private final TechnicianProjection projection;
    private final ProjectionFeed feed;

    TechnicianProjectionTest(@Autowired TechnicianProjection projection, @Autowired ProjectionFeeds feeds) {
        this.projection = projection;
        this.feed = feeds.feed(projection);
    }

    private DomainEventMessage<?> register(String userId, String name) {
        return feed.publish(new TechnicianRegistered(TechnicianId.of(userId), userId, name));
    }

    @SuppressWarnings("unchecked")
    private List<TechnicianView> list(Boolean active) {
        return ((PageView<TechnicianView>) projection.handle(new FindTechnicians(active, ALL))).items();
    }

    private TechnicianView one(String userId) {
        return projection.handle(new FindTechnician(userId)).orElseThrow();
    }

    @Test
    void registeredTechniciansAreListedByDisplayNameActiveUnderTheirUserId() {
        DomainEventMessage<?> ted = register("3f6c1c2e-ted", "Ted Technician");
        register("technician-client", "Demo Technician");

        assertThat(list(null)).extracting(TechnicianView::userId).containsExactly("technician-client", "3f6c1c2e-ted");
        assertThat(one("3f6c1c2e-ted")).isEqualTo(new TechnicianView("3f6c1c2e-ted", "Ted Technician", true,
                ted.getTimestamp(), 0));
    }

    @Test
    void aRenameADeactivationAndAReactivationShowWithTheAggregatesVersion() {
        register("ted", "Ted Technician");
        feed.publish(new TechnicianRenamed(TechnicianId.of("ted"), "ted", "Ted T."));
        feed.publish(new TechnicianDeactivated(TechnicianId.of("ted"), "ted"));
        assertThat(one("ted").displayName()).isEqualTo("Ted T.");
        assertThat(one("ted").active()).isFalse();
        assertThat(one("ted").version()).isEqualTo(2);

        feed.publish(new TechnicianReactivated(TechnicianId.of("ted"), "ted"));
        assertThat(one("ted").active()).isTrue();
    }

    @Test
    void theActiveFilterListsWhoMayBeAssigned() {
        register("ann", "Ann");
        register("bob", "Bob");
        feed.publish(new TechnicianDeactivated(TechnicianId.of("bob"), "bob"));

        assertThat(list(true)).extracting(TechnicianView::userId).containsExactly("ann");
        assertThat(list(false)).extracting(TechnicianView::userId).containsExactly("bob");
    }

    @Test
    void redeliveryAndRebuildGiveTheSameAnswers() {
        DomainEventMessage<?> registered = register("ann", "Ann");
        DomainEventMessage<?> deactivated = feed.publish(new TechnicianDeactivated(TechnicianId.of("ann"), "ann"));
        feed.publish(new TechnicianRenamed(TechnicianId.of("ann"), "ann", "Ann Smith"));

        feed.assertRedeliveryChangesNothing(() -> list(null), registered, deactivated);
        feed.assertRebuildGivesTheSameAnswers(() -> list(null));
        feed.assertHandlesEveryEventOf(TechnicianId.class);
    }
}
