package io.wrench.api.technician;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wrench.api.web.CommandAnswers;
import io.wrench.api.web.CommandResponses;
import io.wrench.api.web.FieldValidationException;
import io.wrench.api.web.ListParams;
import io.wrench.api.web.NotFoundException;
import io.wrench.api.web.Queries;
import io.wrench.api.web.ReadsFrom;
import io.wrench.api.web.RequestMetadata;
import io.wrench.command.technician.TechnicianDirectory;
import io.wrench.command.technician.messages.DeactivateTechnician;
import io.wrench.command.technician.messages.ReactivateTechnician;
import io.wrench.command.technician.messages.RegisterTechnician;
import io.wrench.query.PageView;
import io.wrench.query.technician.messages.FindTechnician;
import io.wrench.query.technician.messages.FindTechnicians;
import io.wrench.query.technician.messages.TechnicianView;
import io.wrench.query.technician.messages.TechnicianViews;
import io.wrench.shared.technician.TechnicianId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;


@RestController
@ReadsFrom(TechnicianViews.PROCESSOR)
@RequestMapping(path = "/api/technicians", produces = "application/json")
@Tag(name = "Technicians", description = "The technician directory: who may be assigned to work orders, by user id (the JWT subject)")
class TechnicianController {

    private final CommandResponses commands;
    private final Queries queries;
    private final TechnicianDirectory directory;

    TechnicianController(CommandResponses commands, Queries queries, TechnicianDirectory directory) {
        this.commands = commands;
        this.queries = queries;
        this.directory = directory;
    }

    record TechnicianBody(@NotBlank @Size(max = 200) String displayName) {
    }

    @GetMapping
    @Operation(summary = "The directory, by display name; active=true lists who may be assigned")
    PageView<TechnicianView> list(@RequestParam(required = false) Boolean active,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size,
                                  @RequestParam(required = false) String sort) {
        return queries.page(new FindTechnicians(active, ListParams.parse(page, size, sort, FindTechnicians.sortFields())));
    }

    @GetMapping("/{userId}")
    @Operation(summary = "A technician by user id (me: the caller); ETag is the version")
    ResponseEntity<TechnicianView> get(@PathVariable String userId) {
        String id = resolve(userId);
        return queries.detail(new FindTechnician(id), TechnicianView.class, TechnicianView::version, "technician " + id);
    }

    @PutMapping(path = "/{userId}", consumes = "application/json")
    @Operation(summary = "Register a technician under their user id, or rename them; 200 either way (idempotent)")
    ResponseEntity<CommandAnswers.Versioned> put(@PathVariable String userId, @Valid @RequestBody TechnicianBody body) {
        if (!TechnicianId.isUserId(userId)) {
            throw new FieldValidationException("userId",
                    "must be 1 to 200 characters without spaces or '/', and not 'me' (a JWT subject)");
        }
        return commands.action(version -> RegisterTechnician.of(userId, body.displayName(), version));
    }

    @PostMapping("/{userId}/deactivate")
    @Operation(summary = "No new assignments for this technician; work orders assigned to them keep them")
    ResponseEntity<CommandAnswers.Versioned> deactivate(@PathVariable String userId) {
        TechnicianId id = registered(userId);
        return commands.action(version -> new DeactivateTechnician(id, version));
    }

    @PostMapping("/{userId}/reactivate")
    @Operation(summary = "The technician may be assigned again")
    ResponseEntity<CommandAnswers.Versioned> reactivate(@PathVariable String userId) {
        TechnicianId id = registered(userId);
        return commands.action(version -> new ReactivateTechnician(id, version));
    }

    /**
     * A technician the command side's own directory knows (never the eventually consistent read side):
     * one registered a moment ago can be deactivated at once.
     */
    private TechnicianId registered(String userId) {
        String id = resolve(userId);
        return directory.find(id).map(t -> TechnicianId.of(t.userId()))
                .orElseThrow(() -> new NotFoundException("no technician " + id));
    }

    private static String resolve(String userId) {
        String id = TechnicianId.ME.equals(userId) ? RequestMetadata.currentUser() : userId;
        if (!TechnicianId.isUserId(id)) {
            throw new NotFoundException("no technician " + userId);
        }
        return id;
    }
}
