/**
 * The commands of the work-order aggregate, the only public surface of the feature. Commands a REST
 * client triggers end with an optional expected version (the {@code If-Match} header); the
 * {@code MarkPartLine*} commands are sent only by the parts process.
 */
package io.wrench.command.workorder.messages;
