/**
 * Point-in-time reads ({@code ?asOf=} on the detail resources): the same projections and queries that
 * keep the live views, run over the events stored up to an instant into a scratch database of their
 * own. See docs/audit.md.
 */
package io.wrench.api.asof;
