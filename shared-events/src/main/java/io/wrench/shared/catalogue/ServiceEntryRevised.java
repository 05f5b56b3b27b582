package io.wrench.shared.catalogue;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.List;

/** The entry's next revision, complete (not a difference). Work orders that applied an earlier one keep theirs. */
@Revision("1")
public record ServiceEntryRevised(ServiceEntryId entryId, String code, int revision, String name, String description,
                                  String category, List<ServiceLabour> labourLines, List<ServicePart> partLines,
                                  BigDecimal fixedPrice) {
}
