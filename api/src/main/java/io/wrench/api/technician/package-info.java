/**
 * The technician directory over REST ({@code /api/technicians}) and its start-up seed: who may be
 * assigned to work orders, by user id (the JWT subject).
 */
package io.wrench.api.technician;
