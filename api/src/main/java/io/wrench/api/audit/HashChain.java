package io.wrench.api.audit;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Writes each domain event's {@link EventHash} into its metadata as it is stored, chained to the previous
 * event of the same aggregate. Axon intercepts a unit of work's events together when it commits them, in
 * the order they were applied. The previous hash comes from this unit of work, else from the hashes this
 * instance committed last (a small cache), else from the store; an event written before hashing began has
 * none, and the chain then starts with {@code previousHash = null}.
 */
public class HashChain implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final int CACHE_SIZE = 10_000;
    private static final String PENDING = HashChain.class.getName() + ".pending";

    private record Link(long sequence, String hash) {
    }

    private final EventStore eventStore;
    private final Serializer serializer;
    private final Map<String, Link> committed = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Link> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    public HashChain(EventStore eventStore, Serializer serializer) {
        this.eventStore = eventStore;
        this.serializer = serializer;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        Map<String, Link> pending = pendingLinks();
        return (index, message) -> {
            if (!(message instanceof DomainEventMessage<?> event) || event.getMetaData().containsKey(EventHash.METADATA_KEY)) {
                return message;
            }
            String previous = previousHash(event, pending);
            String hash = EventHash.of(input(event, serializer), previous);
            pending.put(event.getAggregateIdentifier(), new Link(event.getSequenceNumber(), hash));
            return event.andMetaData(Map.of(EventHash.METADATA_KEY, hash));
        };
    }

    static EventHash.Input input(DomainEventMessage<?> event, Serializer serializer) {
        SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
        return new EventHash.Input(event.getType(), event.getAggregateIdentifier(), event.getSequenceNumber(),
                event.getIdentifier(), payload.getType().getName(), payload.getType().getRevision(),
                event.getTimestamp().toEpochMilli(), payload.getData(), event.getMetaData());
    }

    private Map<String, Link> pendingLinks() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new HashMap<>();
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(PENDING, key -> {
            Map<String, Link> links = new HashMap<>();
            unitOfWork.afterCommit(u -> committed.putAll(links));
            return links;
        });
    }

    private String previousHash(DomainEventMessage<?> event, Map<String, Link> pending) {
        long sequence = event.getSequenceNumber();
        if (sequence == 0) {
            return null;
        }
        String aggregate = event.getAggregateIdentifier();
        for (Link link : new Link[]{pending.get(aggregate), committed.get(aggregate)}) {
            if (link != null && link.sequence() == sequence - 1) {
                return link.hash();
            }
        }
        Optional<? extends DomainEventMessage<?>> stored = eventStore.readEvents(aggregate, sequence - 1).asStream()
                .filter(e -> e.getSequenceNumber() == sequence - 1)
                .findFirst();
        return stored.map(e -> (String) e.getMetaData().get(EventHash.METADATA_KEY)).orElse(null);
    }
}
