/**
 * The dashboard: running figures of the whole shop kept by one projection, the document built from
 * them, and explain, which lists the events each count or sum is made of. Definitions of every
 * figure are in docs/dashboards.md.
 */
package io.wrench.query.dashboard;
