package io.wrench.command.customer;

import io.wrench.command.customer.messages.ArchiveCustomer;
import io.wrench.command.customer.messages.ChangeNotificationPreferences;
import io.wrench.command.customer.messages.RecordOdometer;
import io.wrench.command.customer.messages.RegisterAsset;
import io.wrench.command.customer.messages.RegisterCustomer;
import io.wrench.command.customer.messages.UpdateContactDetails;
import io.wrench.shared.ErrorCode;
import io.wrench.shared.customer.AssetId;
import io.wrench.shared.customer.AssetKind;
import io.wrench.shared.customer.AssetRegistered;
import io.wrench.shared.customer.CustomerArchived;
import io.wrench.shared.customer.CustomerContactDetailsUpdated;
import io.wrench.shared.customer.CustomerId;
import io.wrench.shared.customer.CustomerNotificationPreferencesChanged;
import io.wrench.shared.customer.CustomerRegistered;
import io.wrench.shared.customer.OdometerRecorded;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.instanceOf;

class CustomerTest {

    private final CustomerId customer = CustomerId.random();
    private final AssetId van = AssetId.random();
    private final FakeRegistry registry = new FakeRegistry();
    private AggregateTestFixture<Customer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Customer.class);
        fixture.registerInjectableResource(registry);
    }

    private CustomerRegistered registered() {
        return new CustomerRegistered(customer, "Ada Garage", "ada@example.com", "+44 1", "1 Forge Lane");
    }

    private AssetRegistered vanRegistered(Long odometer) {
        return new AssetRegistered(customer, van, AssetKind.VEHICLE, "Ford", "Transit", 2019, "WF0XXXTTGXKA12345",
                null, "AB12 CDE", odometer);
    }

    private static org.hamcrest.Matcher<Object> violation(ErrorCode code) {
        return allOf(instanceOf(CustomerRuleViolation.class),
                new org.hamcrest.CustomTypeSafeMatcher<>("code " + code) {
                    @Override
                    protected boolean matchesSafely(Object item) {
                        return ((CustomerRuleViolation) item).code() == code;
                    }
                });
    }

    @Test
    void a_customer_opts_out_of_notification_emails_and_names_a_language() {
        fixture.given(registered())
                .when(new ChangeNotificationPreferences(customer, false, " DE ", null))
                .expectEvents(new CustomerNotificationPreferencesChanged(customer, false, "de"));
    }

    @Test
    void opting_back_in_is_an_event_too() {
        fixture.given(registered(), new CustomerNotificationPreferencesChanged(customer, false, "de"))
                .when(new ChangeNotificationPreferences(customer, true, "de", null))
                .expectEvents(new CustomerNotificationPreferencesChanged(customer, true, "de"));
    }

    @Test
    void preferences_as_they_already_are_record_nothing() {
        fixture.given(registered())
                .when(new ChangeNotificationPreferences(customer, true, "", null))
                .expectNoEvents();
    }

    @Test
    void a_language_must_be_a_two_letter_code() {
        fixture.given(registered())
                .when(new ChangeNotificationPreferences(customer, true, "german", null))
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_INPUT));
    }

    @Test
    void a_customer_is_registered_with_trimmed_details() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomer(customer, " Ada Garage ", "ada@example.com", "+44 1", "1 Forge Lane"))
                .expectEvents(registered());
    }

    @Test
    void an_email_in_use_is_refused() {
        registry.emails.put("ada@example.com", CustomerId.random());
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomer(customer, "Ada", "ADA@example.com", null, null))
                .expectNoEvents()
                .expectException(violation(ErrorCode.EMAIL_IN_USE));
    }

    @Test
    void a_blank_name_is_invalid() {
        fixture.givenNoPriorActivity()
                .when(new RegisterCustomer(customer, "  ", "ada@example.com", null, null))
                .expectNoEvents()
                .expectException(violation(ErrorCode.INVALID_INPUT));
    }

    @Test
    void contact_details_keep_what_is_not_given() {
        fixture.given(registered())
                .when(new UpdateContactDetails(customer, null, null, "555", null, null))
                .expectEvents(new CustomerContactDetailsUpdated(customer, "Ada Garage", "ada@example.com", "555", "1 Forge Lane"));
    }

    @Test
    void contact_details_that_change_nothing_record_nothing() {
        fixture.given(registered())
                .when(new UpdateContactDetails(customer, " Ada Garage ", "ada@example.com", "+44 1", null, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void changing_to_another_customers_email_is_refused() {
        registry.emails.put("bob@example.com", CustomerId.random());
        fixture.given(registered())
                .when(new UpdateContactDetails(customer, null, "bob@example.com", null, null, null))
                .expectNoEvents()
                .expectException(violation(ErrorCode.EMAIL_IN_USE));
    }

    @Test
    void keeping_ones_own_email_in_another_case_is_fine() {
        registry.emails.put("ada@example.com", customer);
        fixture.given(registered())
                .when(new UpdateContactDetails(customer, null, "Ada@Example.com", null, null, null))
                .expectEvents(new CustomerContactDetailsUpdated(customer, "Ada Garage", "Ada@Example.com", "+44 1", "1 Forge Lane"));
    }

    @Test
    void an_asset_is_registered_with_a_normalised_vin() {
        fixture.given(registered())
                .when(new RegisterAsset(customer, van, AssetKind.VEHICLE, "Ford", "Transit", 2019, "wf0x xxttgxka12345",
                        null, "AB12 CDE", 1000L, null))
                .expectEvents(vanRegistered(1000L));
    }

    @Test
    void a_vin_in_use_is_refused() {
        registry.vins.put("WF0XXXTTGXKA12345", AssetId.random());
        fixture.given(registered())
                .when(new RegisterAsset(customer, van, AssetKind.VEHICLE, "Ford", "Transit", 2019, "WF0XXXTTGXKA12345",
                        null, null, null, null))
                .expectNoEvents()
                .expectException(violation(ErrorCode.VIN_IN_USE));
    }

    @Test
    void an_archived_customer_takes_no_new_assets() {
        fixture.given(registered(), new CustomerArchived(customer))
                .when(new RegisterAsset(customer, van, AssetKind.EQUIPMENT, "Miller", "Dynasty", null, null, "S1", null, null, null))
                .expectNoEvents()
                .expectException(violation(ErrorCode.CUSTOMER_ARCHIVED));
    }

    @Test
    void a_reading_may_stay_or_rise() {
        fixture.given(registered(), vanRegistered(1000L))
                .when(new RecordOdometer(customer, van, 1000, null))
                .expectEvents(new OdometerRecorded(customer, van, 1000));
    }

    @Test
    void a_reading_never_goes_back() {
        fixture.given(registered(), vanRegistered(1000L), new OdometerRecorded(customer, van, 1500))
                .when(new RecordOdometer(customer, van, 1499, null))
                .expectNoEvents()
                .expectException(violation(ErrorCode.READING_DECREASED));
    }

    @Test
    void the_first_reading_of_an_asset_without_one_is_accepted() {
        fixture.given(registered(), vanRegistered(null))
                .when(new RecordOdometer(customer, van, 5, null))
                .expectEvents(new OdometerRecorded(customer, van, 5));
    }

    @Test
    void a_reading_for_an_asset_of_someone_else_is_refused() {
        fixture.given(registered())
                .when(new RecordOdometer(customer, van, 5, null))
                .expectNoEvents()
                .expectException(violation(ErrorCode.ASSET_NOT_FOUND));
    }

    @Test
    void archiving_happens_once() {
        fixture.given(registered()).when(new ArchiveCustomer(customer, null)).expectEvents(new CustomerArchived(customer));
        fixture.given(registered(), new CustomerArchived(customer))
                .when(new ArchiveCustomer(customer, null))
                .expectNoEvents()
                .expectException(violation(ErrorCode.CUSTOMER_ARCHIVED));
    }

    @Test
    void a_stale_expected_version_is_refused() {
        fixture.given(registered(), new CustomerArchived(customer))
                .when(new UpdateContactDetails(customer, "New", null, null, null, 0L))
                .expectNoEvents()
                .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class);
    }

    private static final class FakeRegistry implements CustomerRegistry {
        final Map<String, CustomerId> emails = new HashMap<>();
        final Map<String, AssetId> vins = new HashMap<>();

        @Override
        public Optional<CustomerId> emailOwner(String email) {
            return Optional.ofNullable(emails.get(CustomerRegistry.normaliseEmail(email)));
        }

        @Override
        public Optional<AssetId> vinOwner(String vin) {
            return Optional.ofNullable(vins.get(CustomerRegistry.normaliseVin(vin)));
        }

        @Override
        public Optional<Boolean> isArchived(CustomerId customerId) {
            return Optional.empty();
        }

        @Override
        public Optional<CustomerId> ownerOf(AssetId assetId) {
            return Optional.empty();
        }
    }
}
