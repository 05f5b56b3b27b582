package io.wrench.api.notification;

/** The messages a customer gets; each has a template per language, named after {@link #template()}. */
public enum NotificationKind {
    /** The work is approved and scheduled (with its due date when one is set). */
    WORK_ORDER_APPROVED("work-order-approved"),
    /** The work is done: the vehicle or equipment can be picked up. */
    READY_FOR_PICKUP("ready-for-pickup"),
    /** The invoice, with the invoice PDF attached. */
    INVOICED("invoiced");

    private final String template;

    NotificationKind(String template) {
        this.template = template;
    }

    String template() {
        return template;
    }
}
