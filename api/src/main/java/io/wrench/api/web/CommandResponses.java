package io.wrench.api.web;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How every command endpoint answers (docs/rest-contract.md): a create is {@code 201} with {@code Location} and
 * {@code {"id"}}, an action {@code 200} with {@code {"version"}}; both carry {@code ETag} (the
 * aggregate's new version) and {@code X-Consistency-Token}. {@code If-Match} becomes the command's
 * expected version in one way only: a command on an existing aggregate is passed as a function of
 * that version ({@code version -> new Command(..., version)}); a command that creates an aggregate
 * has none.
 */
@Component
public class CommandResponses {

    private final CommandGateway commandGateway;
    private final Consistency consistency;

    public CommandResponses(CommandGateway commandGateway, Consistency consistency) {
        this.commandGateway = commandGateway;
        this.consistency = consistency;
    }

    /** The version a client sent in {@code If-Match}, or null when it sent none (or {@code *}). */
    private static Long expectedVersion() {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        return ETags.parseIfMatch(request.getHeader(HttpHeaders.IF_MATCH));
    }

    /** Dispatches a command built with the client's expected version; answers 200 with the new version. */
    public ResponseEntity<CommandAnswers.Versioned> action(Function<Long, Object> command) {
        Long version = commandGateway.sendAndWait(command.apply(expectedVersion()));
        return withHeaders(ResponseEntity.ok(), version).body(new CommandAnswers.Versioned(version));
    }

    /** Dispatches a creating command; answers 201 with Location {@code <request path>/<id>}. */
    public ResponseEntity<CommandAnswers.Created> created(Object command, Object id) {
        return created(command, id, () -> null);
    }

    /**
     * Like {@link #created(Object, Object)}, with a number only known once the command succeeded (a
     * work order's): {@code number} is asked after dispatch.
     */
    public ResponseEntity<CommandAnswers.Created> created(Object command, Object id, Supplier<String> number) {
        return createdAt(command, id, ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(id).toUri().getRawPath(), number);
    }

    /**
     * Dispatches a command that adds a child (an asset, a line, a scan) to an existing aggregate, built
     * with the client's expected version; 201 with Location {@code <request path>/<id>}.
     */
    public ResponseEntity<CommandAnswers.Created> childCreated(Function<Long, Object> command, Object id) {
        return childCreatedAt(command, id, ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(id).toUri().getRawPath());
    }

    /** Like {@link #childCreated(Function, Object)}, at the given location. */
    public ResponseEntity<CommandAnswers.Created> childCreatedAt(Function<Long, Object> command, Object id,
                                                                 String location) {
        return createdAt(command.apply(expectedVersion()), id, location, () -> null);
    }

    /** Dispatches a creating command; answers 201 at the given location (a resource not addressed by its id). */
    public ResponseEntity<CommandAnswers.Created> createdAt(Object command, Object id, String location) {
        return createdAt(command, id, location, () -> null);
    }

    /**
     * Like {@link #childCreatedAt(Function, Object, String)}, with an answer that says more than the id
     * (an attachment's measurements), made from the new version.
     */
    public <T> ResponseEntity<T> childCreatedAt(Function<Long, Object> command, String location, Function<Long, T> body) {
        Long version = commandGateway.sendAndWait(command.apply(expectedVersion()));
        return withHeaders(ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, location), version)
                .body(body.apply(version));
    }

    private ResponseEntity<CommandAnswers.Created> createdAt(Object command, Object id, String location,
                                                             Supplier<String> number) {
        Long version = commandGateway.sendAndWait(command);
        return withHeaders(ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, location), version)
                .body(new CommandAnswers.Created(UUID.fromString(id.toString()), number.get(), version));
    }

    /**
     * Dispatches a command that adds several children at once (a job's lines) and answers them
     * ({@code AggregateVersions.Answer}); 201 with their ids.
     */
    public ResponseEntity<CommandAnswers.Created> createdWithLines(Function<Long, Object> command, UUID id, String location,
                                                                   Function<Object, List<UUID>> lineIds,
                                                                   Function<Object, Long> version) {
        Object answer = commandGateway.sendAndWait(command.apply(expectedVersion()));
        return withHeaders(ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, location),
                version.apply(answer)).body(new CommandAnswers.Created(id, null, version.apply(answer), lineIds.apply(answer)));
    }

    /** Dispatches a command whose answer is more than a version (a check-in's work order); 200 with it. */
    public <T> ResponseEntity<T> answered(Object command, Function<Object, T> body, Function<T, Long> version) {
        T answer = body.apply(commandGateway.sendAndWait(command));
        return withHeaders(ResponseEntity.ok(), version.apply(answer)).body(answer);
    }

    private ResponseEntity.BodyBuilder withHeaders(ResponseEntity.BodyBuilder builder, Long version) {
        if (version != null) {
            builder.eTag(ETags.of(version));
        }
        return builder.header(ConsistencyInterceptor.TOKEN_HEADER, consistency.issue());
    }
}
