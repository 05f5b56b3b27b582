/**
 * The event history as evidence: who did what (event metadata), each aggregate's history, search and
 * export over an audit index, the per-aggregate hash chain, the RFC 9162 ledger over the whole store,
 * signed digests, proofs and verification (server-side and stand-alone). See docs/audit.md.
 */
package io.wrench.api.audit;
