/**
 * The command side: aggregates decide, events record. Feature packages ({@code customer},
 * {@code inventory}, {@code workorder}) own their aggregates; commands live in each {@code api}
 * sub-package, the only public surface.
 */
package io.wrench.command;
