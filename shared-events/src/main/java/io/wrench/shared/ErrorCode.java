package io.wrench.shared;

/**
 * Every business rule a command can break. The REST layer maps each {@link Kind} to one HTTP status
 * in one table; the code itself travels with the problem detail so clients can branch on it.
 */
public enum ErrorCode {
    INVALID_INPUT(Kind.INVALID),
    /** The command named an aggregate that does not exist (the message says which kind). */
    AGGREGATE_NOT_FOUND(Kind.NOT_FOUND),

    CUSTOMER_NOT_FOUND(Kind.NOT_FOUND),
    ASSET_NOT_FOUND(Kind.NOT_FOUND),
    EMAIL_IN_USE(Kind.CONFLICT),
    VIN_IN_USE(Kind.CONFLICT),
    READING_DECREASED(Kind.CONFLICT),
    CUSTOMER_ARCHIVED(Kind.CONFLICT),
    ASSET_NOT_OWNED(Kind.CONFLICT),

    ITEM_NOT_FOUND(Kind.NOT_FOUND),
    SKU_IN_USE(Kind.CONFLICT),
    INSUFFICIENT_STOCK(Kind.CONFLICT),
    ITEM_DISCONTINUED(Kind.CONFLICT),
    RESERVATION_NOT_FOUND(Kind.CONFLICT),

    WORK_ORDER_NOT_FOUND(Kind.NOT_FOUND),
    LINE_NOT_FOUND(Kind.NOT_FOUND),
    ILLEGAL_STATE(Kind.CONFLICT),
    TECHNICIAN_REQUIRED(Kind.CONFLICT),
    /** {@code assign} named a user id the technician directory does not know. */
    UNKNOWN_TECHNICIAN(Kind.CONFLICT),
    /** {@code assign} named a technician who was deactivated. */
    TECHNICIAN_INACTIVE(Kind.CONFLICT),
    INSPECTION_NOT_PASSED(Kind.CONFLICT),
    PARTS_BACKORDERED(Kind.CONFLICT),
    OVERPAYMENT(Kind.CONFLICT),
    UNKNOWN_CUSTOMER(Kind.CONFLICT),
    UNKNOWN_ITEM(Kind.CONFLICT),
    ATTACHMENT_NOT_FOUND(Kind.NOT_FOUND),
    INSPECTION_NOT_FOUND(Kind.NOT_FOUND),

    SERVICE_CODE_IN_USE(Kind.CONFLICT),
    /** A job names a catalogue code that was never defined. */
    UNKNOWN_SERVICE(Kind.CONFLICT),
    SERVICE_RETIRED(Kind.CONFLICT),

    /** The bay or the technician is booked for part of the requested time (the detail names the clash). */
    APPOINTMENT_CLASH(Kind.CONFLICT),
    OUTSIDE_OPENING_HOURS(Kind.CONFLICT),
    UNKNOWN_BAY(Kind.CONFLICT),

    /**
     * Another instance changed the same aggregate at the same moment, and retrying did not get through
     * (the event store refused the second append); sending the command again is safe.
     */
    CONCURRENT_MODIFICATION(Kind.CONFLICT),
    /** A command was sent with an expected version that is no longer current ({@code If-Match}). */
    STALE_VERSION(Kind.PRECONDITION_FAILED);

    public enum Kind { INVALID, NOT_FOUND, CONFLICT, PRECONDITION_FAILED }

    private final Kind kind;

    ErrorCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
