package io.wrench.query.dashboard;

import io.wrench.shared.workorder.WorkOrderOpened;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.context.ApplicationContext;

/** The dashboard projection's handlers, called directly as its processor calls them (for tests in other packages). */
public final class DashboardHandlers {

    private final DashboardProjection projection;

    private DashboardHandlers(DashboardProjection projection) {
        this.projection = projection;
    }

    /** The application's dashboard projection. */
    public static DashboardHandlers of(ApplicationContext context) {
        return new DashboardHandlers(context.getBean(DashboardProjection.class));
    }

    public void deliver(DomainEventMessage<WorkOrderOpened> message, TrackingToken token) {
        projection.on(message.getPayload(), message, token);
    }
}
