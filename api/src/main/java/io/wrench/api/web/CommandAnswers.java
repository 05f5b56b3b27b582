package io.wrench.api.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.UUID;

/** The bodies of command answers (docs/rest-contract.md), typed so that the OpenAPI document describes them. */
public final class CommandAnswers {

    private CommandAnswers() {
    }

    /** A create's answer (201): the new id; a work order's number; the aggregate's version. */
    @Schema(name = "Created", requiredProperties = "id")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Created(
            @Schema(description = "the id the server chose", format = "uuid") UUID id,
            @Schema(description = "work orders only: the human-readable number", example = "WO-2026-000042") String number,
            @Schema(description = "the aggregate's version after the command (also the ETag)") Long version,
            @Schema(description = "a job applied to a work order only: the ids of the lines it added") java.util.List<UUID> lineIds) {

        public Created(UUID id, String number, Long version) {
            this(id, number, version, null);
        }
    }

    /** An action's answer (200): the aggregate's new version, also sent as ETag. */
    @Schema(name = "Versioned", requiredProperties = "version")
    public record Versioned(@Schema(description = "the aggregate's version after the command") Long version) {
    }
}
