package io.wrench.shared.workorder;

/** PENDING only until inventory has answered the reservation request. */
public enum PartLineStatus { PENDING, RESERVED, BACKORDERED, ISSUED, RELEASED }
