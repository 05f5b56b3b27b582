/**
 * The dashboard over HTTP: the document, explain, and the live stream (server-sent events fed by an
 * Axon subscription query). Figures are defined in docs/dashboards.md.
 */
package io.wrench.api.dashboard;
