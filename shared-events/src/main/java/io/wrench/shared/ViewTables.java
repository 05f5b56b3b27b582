package io.wrench.shared;

import java.util.List;

/**
 * Declares the tables a projection writes, so that it can be rebuilt beside itself (blue/green): the
 * application builds a copy of exactly these tables in a schema of their own, replays every event into
 * it with a second processor while the live view keeps serving, and replaces the live tables' rows with
 * the copy's in one transaction once it has caught up (docs/operations.md, "Rebuilding projections").
 * A projection declares it as a bean beside its handlers; the tables are created by the Flyway
 * migrations like every other table.
 *
 * @param processingGroup the processor's name, a constant on the handler class
 * @param tables          every table its handlers write, and nothing else
 */
public record ViewTables(String processingGroup, List<String> tables) {

    public ViewTables {
        if (processingGroup == null || processingGroup.isBlank()) {
            throw new IllegalArgumentException("a processing group is required");
        }
        if (tables == null || tables.isEmpty()) {
            throw new IllegalArgumentException("a projection writes at least one table");
        }
        tables = List.copyOf(tables);
    }

    public static ViewTables of(String processingGroup, String... tables) {
        return new ViewTables(processingGroup, List.of(tables));
    }
}
