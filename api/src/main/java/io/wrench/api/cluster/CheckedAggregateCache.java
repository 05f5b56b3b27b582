package io.wrench.api.cluster;

import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;

import java.util.Objects;
import java.util.Optional;

/**
 * The aggregate cache of the command side ({@code @Aggregate(cache = "aggregateCache")}): a hot
 * aggregate is not rebuilt from all its events for every command. Several instances write to one
 * event store, so a cached aggregate is used only when it is still the newest: on every hit the
 * store's last sequence number for the aggregate (one indexed {@code max}, instead of reading and
 * replaying every event) must equal the cached version; otherwise the entry is dropped and Axon
 * loads the aggregate from its events. Without that a stale aggregate would refuse a command that
 * the current state allows (a 412 for an {@code If-Match} naming the newest version, a 409 for a rule
 * the other instance's write now satisfies), and those refusals append nothing, so the store's unique
 * key would never notice. An append that races with another instance's between the check and the
 * commit is still refused by that key; Axon then drops the entry on rollback and
 * {@link ConcurrencyRetry} sends the command again.
 * <p>
 * Entries are weakly held ({@link WeakReferenceCache}): the garbage collector bounds the cache.
 */
public final class CheckedAggregateCache implements Cache {

    private final Cache delegate = new WeakReferenceCache();
    private final ObjectProvider<EventStore> eventStore;

    public CheckedAggregateCache(ObjectProvider<EventStore> eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object value = delegate.get(key);
        if (value instanceof AggregateCacheEntry<?> entry && !isNewest(key.toString(), entry)) {
            delegate.remove(key);
            return null;
        }
        return (V) value;
    }

    private boolean isNewest(String aggregateId, AggregateCacheEntry<?> entry) {
        Long cached = cachedVersion(entry);
        if (cached == null) {
            return false;
        }
        Optional<Long> stored = eventStore.getObject().lastSequenceNumberFor(aggregateId);
        return stored.isPresent() && Objects.equals(stored.get(), cached);
    }

    /**
     * The cached aggregate's version. An entry of an in-memory cache keeps the live aggregate, which
     * {@code recreateAggregate} hands back as it is (it needs none of its arguments for that); an entry
     * without it (never the case here: nothing is serialised) counts as stale.
     */
    private static Long cachedVersion(AggregateCacheEntry<?> entry) {
        try {
            EventSourcedAggregate<?> aggregate = entry.recreateAggregate(null, null, null, null);
            return aggregate == null ? null : aggregate.version();
        } catch (RuntimeException noLiveAggregate) {
            return null;
        }
    }

    @Override
    public void put(Object key, Object value) {
        delegate.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return delegate.putIfAbsent(key, value);
    }

    @Override
    public boolean remove(Object key) {
        return delegate.remove(key);
    }

    @Override
    public void removeAll() {
        delegate.removeAll();
    }

    @Override
    public <V> void computeIfPresent(Object key, java.util.function.UnaryOperator<V> update) {
        delegate.computeIfPresent(key, update);
    }

    @Override
    public boolean containsKey(Object key) {
        return delegate.containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener listener) {
        return delegate.registerCacheEntryListener(listener);
    }
}
