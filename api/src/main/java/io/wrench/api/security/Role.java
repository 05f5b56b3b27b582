package io.wrench.api.security;

/** The roles a token may carry (the {@code roles} claim, or the configured claim path). */
public enum Role { ADMIN, MANAGER, ADVISOR, TECHNICIAN, STOREKEEPER, AUDITOR, ANALYST }
