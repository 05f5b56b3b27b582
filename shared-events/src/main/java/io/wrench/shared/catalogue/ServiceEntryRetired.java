package io.wrench.shared.catalogue;

import org.axonframework.serialization.Revision;

/** No longer applied to work orders nor booked; work orders that applied it keep their lines. */
@Revision("1")
public record ServiceEntryRetired(ServiceEntryId entryId, String code, int revision) {
}
