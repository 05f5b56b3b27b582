package io.wrench.shared;

/** A value carried inside events (a catalogue entry's line), not an event of its own: no revision of its own. */
public interface EventValue {
}
