package io.wrench.api.customer;

import io.wrench.api.admin.ProjectionAdmin;
import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.HttpTestSupport;
import io.wrench.api.support.Rebuilds;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerRebuildHttpTest extends HttpTestSupport {

    @Autowired
    ProjectionAdmin admin;

    @Test
    void a_replay_rebuilds_exactly_the_same_answers() throws InterruptedException {
        String tag = unique("rebuild");
        String first = newCustomer(tag + " One");
        String second = newCustomer(tag + " Two");
        api.as(Role.ADVISOR).patch("/api/customers/" + first, Map.of("phone", "123"));
        api.as(Role.ADVISOR).post("/api/customers/" + second + "/assets",
                Map.of("kind", "EQUIPMENT", "make", "Miller", "model", "Dynasty 280"));
        Api.Response last = api.as(Role.MANAGER).post("/api/customers/" + second + "/archive", null);

        String list = readAfter(last, Role.ANALYST, "/api/customers?search=" + tag + "&sort=name").body();
        String detailOne = api.as(Role.ANALYST).get("/api/customers/" + first).body();
        String detailTwo = api.as(Role.ANALYST).get("/api/customers/" + second).body();

        Rebuilds.rebuildAndWait(admin, "customer-projection");

        assertThat(api.as(Role.ANALYST).get("/api/customers?search=" + tag + "&sort=name").body()).isEqualTo(list);
        assertThat(api.as(Role.ANALYST).get("/api/customers/" + first).body()).isEqualTo(detailOne);
        assertThat(api.as(Role.ANALYST).get("/api/customers/" + second).body()).isEqualTo(detailTwo);
    }
}
