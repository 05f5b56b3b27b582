package io.wrench.api.dashboard;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.support.HttpTestSupport;
import io.wrench.query.dashboard.messages.DashboardChanged;
import io.wrench.query.dashboard.messages.DashboardView;
import io.wrench.query.dashboard.messages.FindDashboard;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A dashboard change notice comes once the batch is committed: a subscriber that reads the view the
 * moment it is told, on a thread (and so a connection) of its own, already sees the new position.
 * Told before the commit, it would read the view as it was and miss the change for good.
 */
class DashboardChangeNoticeHttpTest extends HttpTestSupport {

    @Autowired
    QueryGateway queryGateway;

    record Seen(long told, long read) {
    }

    @Test
    void a_subscriber_told_of_a_change_reads_it_at_once() throws Exception {
        FindDashboard query = new FindDashboard(null, null);
        List<Seen> seen = new CopyOnWriteArrayList<>();
        ExecutorService reader = Executors.newSingleThreadExecutor();
        SubscriptionQueryResult<DashboardView, DashboardChanged> subscription = queryGateway.subscriptionQuery(query,
                ResponseTypes.instanceOf(DashboardView.class), ResponseTypes.instanceOf(DashboardChanged.class));
        try {
            subscription.initialResult().block();
            subscription.updates().subscribe(change -> {
                // in the thread that tells, as a stream's push may: the read runs elsewhere, and this waits for it
                DashboardView view = CompletableFuture.supplyAsync(
                        () -> queryGateway.query(query, DashboardView.class).join(), reader).join();
                seen.add(new Seen(change.position(), view.position()));
            });
            String customer = newCustomer(unique("Notice"));
            Api.Response opened = api.as(Role.ADVISOR).post("/api/work-orders",
                    Map.of("customerId", customer, "description", "Told after the commit"));
            assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (seen.size() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(seen).as("notices").isNotEmpty();
            assertThat(seen).allSatisfy(s -> assertThat(s.read()).as("position read when told").isGreaterThanOrEqualTo(s.told()));
        } finally {
            subscription.cancel();
            reader.shutdownNow();
        }
    }
}
