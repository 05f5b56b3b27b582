/**
 * What both sides share and nothing else: typed ids, events, value types and the error codes.
 * Only {@code java..} and Axon's serialization annotations may be used here (ArchUnit checks it).
 */
package io.wrench.shared;
