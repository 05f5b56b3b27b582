package io.wrench.command.technician;

import io.wrench.command.RuleViolation;
import io.wrench.command.technician.messages.DeactivateTechnician;
import io.wrench.command.technician.messages.EnsureTechnician;
import io.wrench.command.technician.messages.ReactivateTechnician;
import io.wrench.command.technician.messages.RegisterTechnician;
import io.wrench.shared.ErrorCode;
import io.wrench.shared.technician.TechnicianDeactivated;
import io.wrench.shared.technician.TechnicianId;
import io.wrench.shared.technician.TechnicianReactivated;
import io.wrench.shared.technician.TechnicianRegistered;
import io.wrench.shared.technician.TechnicianRenamed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The technician directory's rules, one test per rule. */
class TechnicianTest {

    private static final String TED = "3f6c1c2e-8a0b-4d5e-9f10-1a2b3c4d5e6f";
    private static final TechnicianId TED_ID = TechnicianId.of(TED);

    private AggregateTestFixture<Technician> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Technician.class);
    }

    private static TechnicianRegistered registered() {
        return new TechnicianRegistered(TED_ID, TED, "Ted Technician");
    }

    @Test
    void the_id_is_derived_from_the_user_id_so_one_person_is_one_aggregate() {
        org.assertj.core.api.Assertions.assertThat(TechnicianId.of(TED)).isEqualTo(TED_ID)
                .isNotEqualTo(TechnicianId.of("technician-client"));
    }

    @Test
    void a_technician_is_registered_under_their_user_id_and_is_active() {
        fixture.givenNoPriorActivity()
                .when(RegisterTechnician.of(TED, "  Ted Technician ", null))
                .expectEvents(registered());
    }

    @Test
    void registering_again_under_another_name_renames() {
        fixture.given(registered())
                .when(RegisterTechnician.of(TED, "Ted T.", null))
                .expectEvents(new TechnicianRenamed(TED_ID, TED, "Ted T."));
    }

    @Test
    void registering_again_under_the_same_name_records_nothing() {
        fixture.given(registered())
                .when(RegisterTechnician.of(TED, "Ted Technician", null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void the_seed_registers_a_missing_technician() {
        fixture.givenNoPriorActivity()
                .when(EnsureTechnician.of(TED, "Ted Technician"))
                .expectEvents(registered());
    }

    @Test
    void the_seed_leaves_a_registered_technician_as_they_are() {
        fixture.given(registered(), new TechnicianRenamed(TED_ID, TED, "Ted T."), new TechnicianDeactivated(TED_ID, TED))
                .when(EnsureTechnician.of(TED, "Ted Technician"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_blank_display_name_is_refused() {
        fixture.givenNoPriorActivity()
                .when(RegisterTechnician.of(TED, "  ", null))
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_INPUT));
    }

    @Test
    void a_user_id_with_spaces_is_refused() {
        fixture.givenNoPriorActivity()
                .when(RegisterTechnician.of("ted technician", "Ted", null))
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_INPUT));
    }

    @Test
    void me_is_not_a_user_id_it_is_the_caller() {
        fixture.givenNoPriorActivity()
                .when(RegisterTechnician.of("me", "Ted", null))
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_INPUT));
    }

    @Test
    void an_id_that_is_not_the_user_s_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterTechnician(TechnicianId.of("someone-else"), TED, "Ted", null))
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_INPUT));
    }

    @Test
    void a_technician_is_deactivated_once() {
        fixture.given(registered())
                .when(new DeactivateTechnician(TED_ID, null))
                .expectEvents(new TechnicianDeactivated(TED_ID, TED));
        fixture.given(registered(), new TechnicianDeactivated(TED_ID, TED))
                .when(new DeactivateTechnician(TED_ID, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_deactivated_technician_is_reactivated_and_an_active_one_is_left_alone() {
        fixture.given(registered(), new TechnicianDeactivated(TED_ID, TED))
                .when(new ReactivateTechnician(TED_ID, null))
                .expectEvents(new TechnicianReactivated(TED_ID, TED));
        fixture.given(registered())
                .when(new ReactivateTechnician(TED_ID, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    private static Matcher<Throwable> violation(ErrorCode code) {
        return new CustomTypeSafeMatcher<>("a rule violation " + code) {
            @Override
            protected boolean matchesSafely(Throwable thrown) {
                return thrown instanceof RuleViolation violation && violation.code() == code;
            }
        };
    }
}
