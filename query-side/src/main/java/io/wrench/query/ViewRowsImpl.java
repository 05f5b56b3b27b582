package io.wrench.query;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Spring Data's implementation of the {@link ViewRows} fragment (found by its name). */
class ViewRowsImpl<T> implements ViewRows<T> {

    @PersistenceContext
    private EntityManager entityManager;

    @Override
    public T insert(T row) {
        entityManager.persist(row);
        return row;
    }
}
