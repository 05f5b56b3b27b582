package io.wrench.shared.catalogue;

import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.util.List;

/**
 * A catalogue entry, revision 1. {@code code} as given (trimmed); compared in upper case.
 * {@code fixedPrice} null: the job is charged by its lines; otherwise the job costs that much, parts included.
 */
@Revision("1")
public record ServiceEntryDefined(ServiceEntryId entryId, String code, int revision, String name, String description,
                                  String category, List<ServiceLabour> labourLines, List<ServicePart> partLines,
                                  BigDecimal fixedPrice) {
}
