package io.wrench.api.inventory;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.HttpTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InventoryHttpTest extends HttpTestSupport {

    private static final String ITEMS = "/api/inventory/items";
    private static final String NOWHERE = ITEMS + "/5b0c1a57-0000-4000-8000-00000000dead";

    @Test
    void registering_answers_201_and_the_item_starts_empty_and_low() {
        String sku = unique("OIL");
        Api.Response created = api.as(Role.STOREKEEPER).post(ITEMS, Map.of("sku", sku, "name", "Engine oil 5W-30",
                "unit", "L", "reorderLevel", 5, "reorderQuantity", 20, "unitCost", 8.5, "location", "A-01"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo(ITEMS + "/" + created.id());
        assertThat(created.header("ETag")).isEqualTo("\"1\"");

        Api.Response detail = readAfter(created, Role.TECHNICIAN, ITEMS + "/" + created.id());
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.header("ETag")).isEqualTo("\"1\"");
        assertThat(detail.json()).isEqualTo(Api.JSON.readTree("""
                {"id": "%s", "sku": "%s", "name": "Engine oil 5W-30", "unit": "L", "onHand": 0, "reserved": 0,
                 "available": 0, "backordered": 0, "reorderLevel": 5, "reorderQuantity": 20, "lowStock": true,
                 "unitCost": 8.50, "location": "A-01", "discontinued": false, "version": 1}
                """.formatted(created.id(), sku)));
        assertThat(detail.body()).contains("\"unitCost\":8.50");
    }

    @Test
    void a_sku_in_use_is_refused_whatever_its_case() {
        String sku = unique("BRAKE");
        newStockItem(sku, "Brake pads");

        Api.Response duplicate = api.as(Role.MANAGER).post(ITEMS, Map.of("sku", " " + sku.toLowerCase() + " ",
                "name", "Other pads", "unit", "set", "reorderLevel", 0, "unitCost", 1));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("type").asString()).endsWith("/sku-in-use");
        assertThat(duplicate.json().get("detail").asString()).contains(sku.toLowerCase()).contains("already in use");
    }

    @Test
    void invalid_registrations_are_400s_naming_the_fields() {
        Api.Response invalid = api.as(Role.STOREKEEPER).post(ITEMS, Map.of("sku", " ", "name", "No SKU",
                "unit", "pcs", "reorderLevel", -1, "unitCost", 1.23456));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(fields(invalid)).containsExactlyInAnyOrder("sku", "reorderLevel", "unitCost");
    }

    @Test
    void receipts_add_stock_at_the_moving_average_cost() {
        Api.Response created = newStockItem(unique("FILTER"), "Oil filter");
        String item = ITEMS + "/" + created.id();

        Api.Response first = api.as(Role.STOREKEEPER).post(item + "/receipts",
                Map.of("quantity", 10, "unitCost", 8.5, "supplier", "Filters Ltd", "reference", "PO-1"));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        // (10 x 8.50 + 3 x 10.00) / 13 = 8.8462 (the aggregate's four places), 8.85 in the API
        Api.Response second = api.as(Role.MANAGER).post(item + "/receipts", Map.of("quantity", 3, "unitCost", 10));
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("version").asLong()).isEqualTo(4);
        assertThat(second.header("ETag")).isEqualTo("\"4\"");

        JsonNode detail = readAfter(second, Role.ADVISOR, item).json();
        assertThat(detail.get("onHand").asInt()).isEqualTo(13);
        assertThat(detail.get("available").asInt()).isEqualTo(13);
        assertThat(detail.get("unitCost").decimalValue()).isEqualByComparingTo("8.85");
        assertThat(detail.get("lowStock").asBoolean()).isFalse();
        assertThat(detail.get("version").asLong()).isEqualTo(4);

        assertThat(api.as(Role.STOREKEEPER).post(item + "/receipts", Map.of("quantity", 0, "unitCost", 1)).status())
                .isEqualTo(400);
        assertThat(api.as(Role.STOREKEEPER).post(item + "/receipts", Map.of("quantity", 1, "unitCost", -1)).status())
                .isEqualTo(400);
    }

    @Test
    void adjustments_correct_on_hand_but_never_below_zero() {
        Api.Response created = newStockItem(unique("BULB"), "H7 bulb");
        String item = ITEMS + "/" + created.id();
        api.as(Role.STOREKEEPER).post(item + "/receipts", Map.of("quantity", 4, "unitCost", 2));

        Api.Response counted = api.as(Role.STOREKEEPER).post(item + "/adjustments",
                Map.of("quantityDelta", -1.5, "reason", "stock count"));
        assertThat(counted.status()).as(counted.toString()).isEqualTo(200);
        assertThat(readAfter(counted, Role.STOREKEEPER, item).json().get("onHand").decimalValue())
                .isEqualByComparingTo("2.5");

        Api.Response tooMuch = api.as(Role.STOREKEEPER).post(item + "/adjustments",
                Map.of("quantityDelta", -3, "reason", "broken"));
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.json().get("type").asString()).endsWith("/insufficient-stock");
        assertThat(tooMuch.json().get("detail").asString()).contains("below zero");

        Api.Response zero = api.as(Role.STOREKEEPER).post(item + "/adjustments",
                Map.of("quantityDelta", 0, "reason", "nothing"));
        assertThat(zero.status()).isEqualTo(400);
        assertThat(fields(zero)).containsExactly("quantityDelta");
        assertThat(api.as(Role.STOREKEEPER).post(item + "/adjustments", Map.of("quantityDelta", 1)).status())
                .isEqualTo(400);
    }

    @Test
    void details_change_and_a_higher_reorder_level_makes_the_item_low() {
        Api.Response created = newStockItem(unique("WIPER"), "Wiper blade");
        String item = ITEMS + "/" + created.id();
        Api.Response received = api.as(Role.STOREKEEPER).post(item + "/receipts", Map.of("quantity", 8, "unitCost", 3));
        assertThat(readAfter(received, Role.STOREKEEPER, item).json().get("lowStock").asBoolean()).isFalse();

        Api.Response patched = api.as(Role.STOREKEEPER).patch(item, Map.of("name", "Wiper blade 600 mm",
                "location", "B-07", "reorderLevel", 8, "reorderQuantity", 12));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);

        JsonNode detail = readAfter(patched, Role.STOREKEEPER, item).json();
        assertThat(detail.get("name").asString()).isEqualTo("Wiper blade 600 mm");
        assertThat(detail.get("location").asString()).isEqualTo("B-07");
        assertThat(detail.get("reorderLevel").asInt()).isEqualTo(8);
        assertThat(detail.get("reorderQuantity").asInt()).isEqualTo(12);
        assertThat(detail.get("lowStock").asBoolean()).isTrue();
        assertThat(detail.get("version").asLong()).isEqualTo(patched.json().get("version").asLong());

        // the same values again: nothing to record, and the answer still names the current version
        Api.Response unchanged = api.as(Role.STOREKEEPER).patch(item, Map.of("location", "B-07"));
        assertThat(unchanged.status()).as(unchanged.toString()).isEqualTo(200);
        assertThat(unchanged.json().get("version").asLong()).isEqualTo(patched.json().get("version").asLong());
        assertThat(unchanged.header("ETag")).isEqualTo(patched.header("ETag")).isNotNull();

        assertThat(api.as(Role.STOREKEEPER).patch(item, Map.of()).status()).isEqualTo(400);
        assertThat(api.as(Role.STOREKEEPER).patch(item, Map.of("name", " ")).status()).isEqualTo(400);
    }

    @Test
    void a_stale_if_match_is_a_412() {
        Api.Response created = newStockItem(unique("FUSE"), "Fuse 10 A");
        Api.Response stale = api.as(Role.STOREKEEPER).header("If-Match", "\"0\"")
                .post(ITEMS + "/" + created.id() + "/receipts", Map.of("quantity", 1, "unitCost", 1));

        assertThat(stale.status()).isEqualTo(412);
    }

    @Test
    void discontinuing_is_for_managers_and_happens_once() {
        Api.Response created = newStockItem(unique("OLD"), "Old part");
        String item = ITEMS + "/" + created.id();

        assertThat(api.as(Role.STOREKEEPER).post(item + "/discontinue", null).status()).isEqualTo(403);
        Api.Response discontinued = api.as(Role.MANAGER).post(item + "/discontinue", null);
        assertThat(discontinued.status()).isEqualTo(200);
        Api.Response again = api.as(Role.ADMIN).post(item + "/discontinue", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("already discontinued");

        assertThat(readAfter(discontinued, Role.AUDITOR, item).json().get("discontinued").asBoolean()).isTrue();
    }

    @Test
    void the_ledger_lists_movements_newest_first_with_who_made_them() {
        Api.Response created = newStockItem(unique("PAD"), "Brake pad set");
        String item = ITEMS + "/" + created.id();
        api.as(Role.STOREKEEPER).post(item + "/receipts", Map.of("quantity", 10, "unitCost", 20));
        api.as(Role.STOREKEEPER).post(item + "/receipts", Map.of("quantity", 2, "unitCost", 21));
        Api.Response adjusted = api.as(Role.MANAGER).post(item + "/adjustments",
                Map.of("quantityDelta", -2, "reason", "damaged in storage"));

        JsonNode ledger = readAfter(adjusted, Role.ANALYST, item + "/movements").json();
        assertThat(ledger.get("totalItems").asInt()).isEqualTo(3);
        JsonNode newest = ledger.get("items").get(0);
        assertThat(newest.get("type").asString()).isEqualTo("ADJUSTMENT");
        assertThat(newest.get("quantity").asInt()).isEqualTo(-2);
        assertThat(newest.get("reason").asString()).isEqualTo("damaged in storage");
        assertThat(newest.get("by").asString()).isEqualTo("manager-client");
        assertThat(newest.get("workOrderId").isNull()).isTrue();
        assertThat(newest.get("at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        JsonNode receipt = ledger.get("items").get(1);
        assertThat(receipt.get("type").asString()).isEqualTo("RECEIPT");
        assertThat(receipt.get("quantity").asInt()).isEqualTo(2);
        assertThat(receipt.get("by").asString()).isEqualTo("storekeeper-client");

        JsonNode oldestFirst = api.as(Role.ANALYST).get(item + "/movements?sort=at,asc&size=1").json();
        assertThat(oldestFirst.get("totalPages").asInt()).isEqualTo(3);
        assertThat(oldestFirst.get("items").get(0).get("quantity").asInt()).isEqualTo(10);
        assertThat(api.as(Role.ANALYST).get(item + "/movements?sort=quantity").status()).isEqualTo(400);
    }

    @Test
    void the_list_searches_filters_pages_and_sorts() {
        String tag = unique("zz");
        List<String> ids = new ArrayList<>();
        for (String name : new String[]{"Charlie", "alpha", "Bravo"}) {
            ids.add(newStockItem(tag + "-" + name.toUpperCase(), tag + " " + name).id());
        }
        Api.Response stocked = api.as(Role.STOREKEEPER).post(ITEMS + "/" + ids.get(2) + "/receipts",
                Map.of("quantity", 50, "unitCost", 1));

        JsonNode all = readAfter(stocked, Role.ANALYST, ITEMS + "?search=" + tag.toUpperCase()).json();
        assertThat(all.get("totalItems").asInt()).isEqualTo(3);
        assertThat(skus(all)).containsExactly(tag + "-ALPHA", tag + "-BRAVO", tag + "-CHARLIE");
        JsonNode row = all.get("items").get(1);
        assertThat(row.get("id").asString()).isEqualTo(ids.get(2));
        assertThat(row.get("onHand").asInt()).isEqualTo(50);
        assertThat(row.has("version")).isFalse();

        JsonNode low = api.as(Role.ANALYST).get(ITEMS + "?search=" + tag + "&lowStock=true&sort=sku,desc").json();
        assertThat(skus(low)).containsExactly(tag + "-CHARLIE", tag + "-ALPHA");
        JsonNode notLow = api.as(Role.ANALYST).get(ITEMS + "?search=" + tag + "&lowStock=false").json();
        assertThat(skus(notLow)).containsExactly(tag + "-BRAVO");

        JsonNode byStock = api.as(Role.ANALYST).get(ITEMS + "?search=" + tag + "&sort=onHand,desc&page=0&size=2").json();
        assertThat(byStock.get("totalPages").asInt()).isEqualTo(2);
        assertThat(byStock.get("size").asInt()).isEqualTo(2);
        assertThat(skus(byStock).get(0)).isEqualTo(tag + "-BRAVO");

        // LIKE's wildcards in a search term match only themselves
        assertThat(api.as(Role.ANALYST).get(ITEMS + "?search=" + tag.replace('-', '_')).json()
                .get("totalItems").asInt()).isZero();
    }

    @Test
    void bad_list_parameters_are_400s() {
        Api.Response sort = api.as(Role.STOREKEEPER).get(ITEMS + "?sort=supplier");
        assertThat(sort.status()).isEqualTo(400);
        assertThat(fields(sort)).containsExactly("sort");
        assertThat(api.as(Role.STOREKEEPER).get(ITEMS + "?sort=sku,up").status()).isEqualTo(400);
        assertThat(api.as(Role.STOREKEEPER).get(ITEMS + "?size=201").status()).isEqualTo(400);
        assertThat(api.as(Role.STOREKEEPER).get(ITEMS + "?lowStock=perhaps").status()).isEqualTo(400);
    }

    @Test
    void roles_follow_the_contract() {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Role test", "unit", "pcs", "reorderLevel", 0,
                "unitCost", 1));
        for (Role role : new Role[]{Role.TECHNICIAN, Role.ADVISOR, Role.AUDITOR, Role.ANALYST}) {
            body.put("sku", unique("ROLE"));
            assertThat(api.as(role).post(ITEMS, body).status()).as(role.name()).isEqualTo(403);
        }
        body.put("sku", unique("ROLE"));
        Api.Response created = api.as(Role.ADMIN).post(ITEMS, body);
        assertThat(created.status()).isEqualTo(201);
        String item = ITEMS + "/" + created.id();
        assertThat(api.as(Role.ADVISOR).post(item + "/receipts", Map.of("quantity", 1, "unitCost", 1)).status())
                .isEqualTo(403);
        assertThat(api.as(Role.TECHNICIAN).patch(item, Map.of("name", "X")).status()).isEqualTo(403);
        for (Role role : Role.values()) {
            assertThat(readAfter(created, role, item).status()).as(role.name()).isEqualTo(200);
            assertThat(api.as(role).get(ITEMS).status()).as(role.name()).isEqualTo(200);
        }
        assertThat(api.anonymous().get(ITEMS).status()).isEqualTo(401);
    }

    @Test
    void unknown_items_are_404s() {
        assertThat(api.as(Role.ANALYST).get(NOWHERE).status()).isEqualTo(404);
        assertThat(api.as(Role.ANALYST).get(NOWHERE + "/movements").status()).isEqualTo(404);
        assertThat(api.as(Role.STOREKEEPER).post(NOWHERE + "/receipts", Map.of("quantity", 1, "unitCost", 1)).status())
                .isEqualTo(404);
        assertThat(api.as(Role.STOREKEEPER).post(NOWHERE + "/adjustments", Map.of("quantityDelta", 1, "reason", "x"))
                .status()).isEqualTo(404);
        assertThat(api.as(Role.STOREKEEPER).patch(NOWHERE, Map.of("name", "X")).status()).isEqualTo(404);
        assertThat(api.as(Role.MANAGER).post(NOWHERE + "/discontinue", null).status()).isEqualTo(404);
        assertThat(api.as(Role.ANALYST).get(ITEMS + "/not-a-uuid").status()).isEqualTo(404);
    }

    private static List<String> fields(Api.Response problem) {
        List<String> fields = new ArrayList<>();
        problem.json().get("errors").forEach(error -> fields.add(error.get("field").asString()));
        return fields;
    }

    private static List<String> skus(JsonNode page) {
        List<String> skus = new ArrayList<>();
        page.get("items").forEach(item -> skus.add(item.get("sku").asString()));
        return skus;
    }
}
