package io.wrench.query.technician.messages;

/** The processor whose projection keeps the directory's views (a consistency wait names it). */
public final class TechnicianViews {

    public static final String PROCESSOR = "technician-projection";

    private TechnicianViews() {
    }
}
