package io.wrench.query;

/**
 * A repository fragment for the views: {@link #insert} stores a row the handler knows to be new.
 * Spring Data's {@code save} cannot tell a new row with an id the event assigned from a detached one,
 * so it merges: a {@code SELECT} per new row. Together with reading rows by id (the persistence context
 * first, no query) instead of {@code existsById} (a query, which first flushes and dirty-checks every
 * row of the batch), a batch of events costs about one statement per row it touches, sent in JDBC
 * batches when it commits.
 */
public interface ViewRows<T> {

    /** Stores a new row (at the batch's flush); the handler has made sure no row with its id exists. */
    T insert(T row);
}
