package io.wrench.command.catalogue;

import io.wrench.shared.catalogue.ServiceEntryId;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The catalogue lookup for aggregate fixtures: empty unless a test takes a code or adds an entry. */
public final class FakeServiceCatalogue implements ServiceCatalogue {

    private final Map<String, ServiceEntryId> owners = new HashMap<>();
    private final Map<String, Entry> entries = new HashMap<>();

    public FakeServiceCatalogue taken(String code, ServiceEntryId owner) {
        owners.put(ServiceEntryId.normalise(code), owner);
        return this;
    }

    public FakeServiceCatalogue with(Entry entry) {
        entries.put(ServiceEntryId.normalise(entry.code()), entry);
        return this;
    }

    @Override
    public Optional<ServiceEntryId> codeOwner(String code) {
        return Optional.ofNullable(owners.get(ServiceEntryId.normalise(code)));
    }

    @Override
    public Optional<Entry> find(String code) {
        return Optional.ofNullable(entries.get(ServiceEntryId.normalise(code)));
    }
}
