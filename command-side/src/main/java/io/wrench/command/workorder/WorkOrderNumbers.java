package io.wrench.command.workorder;

/** Hands out human-readable work-order numbers. */
public interface WorkOrderNumbers {

    /** A number never handed out before, {@code "WO-<year>-<6 digits>"}, e.g. {@code WO-2026-000042}. */
    String next(int year);
}
