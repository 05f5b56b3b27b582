package io.wrench.shared;

import java.util.UUID;

/**
 * A typed aggregate or entity id. Serialized as its bare UUID string (the JSON mappers in {@code api}
 * know this interface), and {@link Object#toString()} must return that same UUID: Axon keys
 * aggregates and sagas by it.
 */
public interface Identifier {
    UUID value();
}
