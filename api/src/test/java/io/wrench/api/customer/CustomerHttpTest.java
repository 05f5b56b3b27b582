package io.wrench.api.customer;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.HttpTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerHttpTest extends HttpTestSupport {

    @Test
    void registering_answers_201_with_location_id_and_version() {
        String email = unique("ada") + "@example.com";
        Api.Response created = api.as(Role.ADVISOR).post("/api/customers",
                Map.of("name", "Ada Garage", "email", email, "phone", "+44 20 7946 0000", "address", "1 Forge Lane"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/customers/" + created.id());
        assertThat(created.header("ETag")).isEqualTo("\"0\"");
        assertThat(created.consistencyToken()).isNotBlank();

        JsonNode customer = readAfter(created, Role.TECHNICIAN, "/api/customers/" + created.id()).json();
        assertThat(customer.get("name").asString()).isEqualTo("Ada Garage");
        assertThat(customer.get("email").asString()).isEqualTo(email);
        assertThat(customer.get("phone").asString()).isEqualTo("+44 20 7946 0000");
        assertThat(customer.get("address").asString()).isEqualTo("1 Forge Lane");
        assertThat(customer.get("archived").asBoolean()).isFalse();
        assertThat(customer.get("version").asLong()).isZero();
        assertThat(customer.get("assets").isEmpty()).isTrue();
        assertThat(customer.get("workOrders").isEmpty()).isTrue();
    }

    @Test
    void an_email_in_use_is_refused_whatever_its_case() {
        String email = unique("dup") + "@example.com";
        assertThat(api.as(Role.ADVISOR).post("/api/customers", Map.of("name", "First", "email", email)).status())
                .isEqualTo(201);

        Api.Response duplicate = api.as(Role.MANAGER).post("/api/customers",
                Map.of("name", "Second", "email", email.toUpperCase()));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("detail").asString()).contains("already in use");
    }

    @Test
    void contact_details_change_and_bump_the_version() {
        String id = newCustomer("Patch Me");
        Api.Response patched = api.as(Role.ADVISOR).patch("/api/customers/" + id, Map.of("phone", "555-0100"));

        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("version").asLong()).isEqualTo(1);
        assertThat(patched.header("ETag")).isEqualTo("\"1\"");
        JsonNode customer = readAfter(patched, Role.ADVISOR, "/api/customers/" + id).json();
        assertThat(customer.get("phone").asString()).isEqualTo("555-0100");
        assertThat(customer.get("name").asString()).isEqualTo("Patch Me");
    }

    @Test
    void changing_the_email_to_another_customers_is_refused() {
        String taken = unique("taken") + "@example.com";
        api.as(Role.ADVISOR).post("/api/customers", Map.of("name", "Owner", "email", taken));
        String id = newCustomer("Other");

        assertThat(api.as(Role.ADVISOR).patch("/api/customers/" + id, Map.of("email", taken)).status()).isEqualTo(409);
    }

    @Test
    void an_empty_patch_is_a_400() {
        String id = newCustomer("Nothing");
        assertThat(api.as(Role.ADVISOR).patch("/api/customers/" + id, Map.of()).status()).isEqualTo(400);
    }

    @Test
    void assets_are_registered_and_listed_on_the_customer() {
        String id = newCustomer("Fleet Owner");
        String vin = vin();
        Api.Response asset = api.as(Role.ADVISOR).post("/api/customers/" + id + "/assets", Map.of(
                "kind", "VEHICLE", "make", "Ford", "model", "Transit", "year", 2019, "vin", vin,
                "licensePlate", "AB12 CDE", "odometer", 120000));
        assertThat(asset.status()).as(asset.toString()).isEqualTo(201);
        assertThat(asset.header("Location")).isEqualTo("/api/customers/" + id + "/assets/" + asset.id());

        Api.Response equipment = api.as(Role.ADVISOR).post("/api/customers/" + id + "/assets", Map.of(
                "kind", "EQUIPMENT", "make", "Lincoln", "model", "Power MIG 210", "serialNumber", "U1180512345"));
        assertThat(equipment.status()).isEqualTo(201);

        JsonNode customer = readAfter(equipment, Role.ADVISOR, "/api/customers/" + id).json();
        assertThat(customer.get("assets")).hasSize(2);
        JsonNode van = customer.get("assets").get(0);
        assertThat(van.get("id").asString()).isEqualTo(asset.id());
        assertThat(van.get("vin").asString()).isEqualTo(vin);
        assertThat(van.get("odometer").asLong()).isEqualTo(120000);
        assertThat(customer.get("assets").get(1).get("kind").asString()).isEqualTo("EQUIPMENT");

        JsonNode row = readAfter(equipment, Role.ADVISOR, "/api/customers?search=fleet%20owner").json().get("items").get(0);
        assertThat(row.get("assetCount").asInt()).isEqualTo(2);
    }

    @Test
    void a_vin_in_use_is_refused_even_for_another_customer() {
        String vin = vin();
        String first = newCustomer("Vin One");
        String second = newCustomer("Vin Two");
        assertThat(registerVehicle(first, vin).status()).isEqualTo(201);

        Api.Response duplicate = registerVehicle(second, vin.toLowerCase());

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("type").asString()).endsWith("/vin-in-use");
    }

    @Test
    void an_odometer_never_goes_back() {
        String id = newCustomer("Odo");
        String asset = registerVehicle(id, vin()).id();
        String path = "/api/customers/" + id + "/assets/" + asset + "/odometer";

        assertThat(api.as(Role.TECHNICIAN).post(path, Map.of("reading", 150)).status()).isEqualTo(200);
        assertThat(api.as(Role.TECHNICIAN).post(path, Map.of("reading", 150)).status()).isEqualTo(200);
        Api.Response lower = api.as(Role.TECHNICIAN).post(path, Map.of("reading", 149));

        assertThat(lower.status()).isEqualTo(409);
        assertThat(lower.json().get("detail").asString()).contains("149").contains("150");
    }

    @Test
    void an_archived_customer_takes_no_new_assets_and_cannot_be_archived_twice() {
        String id = newCustomer("Old Customer");
        assertThat(api.as(Role.ADVISOR).post("/api/customers/" + id + "/archive", null).status()).isEqualTo(403);
        Api.Response archived = api.as(Role.MANAGER).post("/api/customers/" + id + "/archive", null);
        assertThat(archived.status()).isEqualTo(200);

        assertThat(registerVehicle(id, vin()).status()).isEqualTo(409);
        assertThat(api.as(Role.ADMIN).post("/api/customers/" + id + "/archive", null).status()).isEqualTo(409);
        assertThat(readAfter(archived, Role.AUDITOR, "/api/customers/" + id).json().get("archived").asBoolean()).isTrue();
    }

    @Test
    void the_list_searches_filters_pages_and_sorts() {
        String tag = unique("zz");
        for (String name : new String[]{"Charlie", "alpha", "Bravo"}) {
            api.as(Role.ADVISOR).post("/api/customers", Map.of("name", tag + " " + name,
                    "email", unique(name) + "@example.com"));
        }
        String archivedId = newCustomer(tag + " Delta");
        Api.Response last = api.as(Role.MANAGER).post("/api/customers/" + archivedId + "/archive", null);

        JsonNode all = readAfter(last, Role.ANALYST, "/api/customers?search=" + tag + "&sort=name,asc").json();
        assertThat(all.get("totalItems").asLong()).isEqualTo(4);
        assertThat(names(all)).containsExactly(tag + " Bravo", tag + " Charlie", tag + " Delta", tag + " alpha");

        JsonNode active = api.as(Role.ANALYST).get("/api/customers?search=" + tag.toUpperCase() + "&archived=false&sort=name,desc").json();
        assertThat(names(active)).containsExactly(tag + " alpha", tag + " Charlie", tag + " Bravo");

        JsonNode page = api.as(Role.ANALYST).get("/api/customers?search=" + tag + "&page=1&size=3&sort=name").json();
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(3);
        assertThat(page.get("totalPages").asInt()).isEqualTo(2);
        assertThat(names(page)).containsExactly(tag + " alpha");
    }

    @Test
    void bad_list_parameters_are_400s() {
        assertThat(api.as(Role.ADVISOR).get("/api/customers?sort=password").status()).isEqualTo(400);
        assertThat(api.as(Role.ADVISOR).get("/api/customers?sort=name,sideways").status()).isEqualTo(400);
        assertThat(api.as(Role.ADVISOR).get("/api/customers?size=201").status()).isEqualTo(400);
        assertThat(api.as(Role.ADVISOR).get("/api/customers?page=-1").status()).isEqualTo(400);
        assertThat(api.as(Role.ADVISOR).get("/api/customers?archived=maybe").status()).isEqualTo(400);
        Api.Response sort = api.as(Role.ADVISOR).get("/api/customers?sort=password");
        assertThat(sort.json().get("errors").get(0).get("field").asString()).isEqualTo("sort");
    }

    @Test
    void roles_follow_the_contract() {
        Map<String, Object> body = Map.of("name", "Role Test", "email", unique("r") + "@example.com");
        for (Role role : new Role[]{Role.TECHNICIAN, Role.STOREKEEPER, Role.AUDITOR, Role.ANALYST}) {
            assertThat(api.as(role).post("/api/customers", body).status()).as(role.name()).isEqualTo(403);
        }
        Map<String, Object> another = new HashMap<>(body);
        another.put("email", unique("admin") + "@example.com");
        assertThat(api.as(Role.ADMIN).post("/api/customers", another).status()).isEqualTo(201);
        for (Role role : Role.values()) {
            assertThat(api.as(role).get("/api/customers").status()).as(role.name()).isEqualTo(200);
        }
    }

    @Test
    void unknown_customers_are_404s() {
        String nobody = "/api/customers/6b1d2c2e-0000-4000-8000-000000000000";
        assertThat(api.as(Role.ADVISOR).get(nobody).status()).isEqualTo(404);
        assertThat(api.as(Role.ADVISOR).patch(nobody, Map.of("name", "X")).status()).isEqualTo(404);
        assertThat(api.as(Role.MANAGER).post(nobody + "/archive", null).status()).isEqualTo(404);
        assertThat(api.as(Role.ADVISOR).get("/api/customers/not-a-uuid").status()).isEqualTo(404);
    }

    private Api.Response registerVehicle(String customerId, String vin) {
        return api.as(Role.ADVISOR).post("/api/customers/" + customerId + "/assets",
                Map.of("kind", "VEHICLE", "make", "VW", "model", "Golf", "vin", vin));
    }

    private static String vin() {
        String digits = String.valueOf(Math.abs(System.nanoTime()));
        return ("WVWZZZ1K" + digits + "000000000").substring(0, 17);
    }

    private static java.util.List<String> names(JsonNode page) {
        java.util.List<String> names = new java.util.ArrayList<>();
        page.get("items").forEach(item -> names.add(item.get("name").asString()));
        return names;
    }
}
