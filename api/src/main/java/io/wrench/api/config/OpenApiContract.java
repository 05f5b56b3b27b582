package io.wrench.api.config;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.wrench.api.web.CommandAnswers;
import io.wrench.query.PageQuery;
import jakarta.validation.constraints.NotBlank;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

import java.lang.reflect.RecordComponent;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OpenAPI document says what the server does, for every controller without annotations of its
 * own: each operation's real statuses (201 for a create, the 4xx it can answer, all as problem
 * details), the headers of docs/rest-contract.md (If-Match, Idempotency-Key, ETag, X-Consistency-Token, X-Request-Id,
 * the rate-limit headers), typed ids as {@code string/uuid}, {@code @NotBlank} as {@code minLength: 1},
 * ListParams' limits on {@code page}/{@code size}, an example for every request body, and {@code null}
 * allowed where the server writes it (every property that is not required).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiContract {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** Typed ids are written as their bare UUID ({@link IdentifierJson}), not as {"value": ...}. */
    @Bean
    ModelConverter typedIdsAreUuids() {
        return new ModelConverter() {
            @Override
            public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
                Class<?> raw = rawClass(type);
                if (raw != null && IdentifierJson.isIdentifier(raw)) {
                    return new StringSchema().format("uuid");
                }
                return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
            }
        };
    }

    /**
     * {@code @NotBlank} with {@code @Size(max)} came out as {@code minLength: 0}; springdoc applies
     * Bean Validation after property customizers run, so this corrects the finished model instead.
     */
    @Bean
    ModelConverter notBlankIsNotEmpty() {
        return new ModelConverter() {
            @Override
            public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
                Schema<?> resolved = chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
                Class<?> raw = rawClass(type);
                if (resolved == null || raw == null || !raw.isRecord()) {
                    return resolved;
                }
                Schema<?> model = resolved.get$ref() == null ? resolved
                        : context.getDefinedModels().get(resolved.get$ref().substring(resolved.get$ref().lastIndexOf('/') + 1));
                if (model == null || model.getProperties() == null) {
                    return resolved;
                }
                for (RecordComponent component : raw.getRecordComponents()) {
                    Schema<?> property = model.getProperties().get(component.getName());
                    if (property != null && notBlank(raw, component)
                            && (property.getMinLength() == null || property.getMinLength() < 1)) {
                        property.setMinLength(1);
                    }
                }
                return resolved;
            }
        };
    }

    private static boolean notBlank(Class<?> record, RecordComponent component) {
        try {
            return record.getDeclaredField(component.getName()).isAnnotationPresent(NotBlank.class);
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    private static Class<?> rawClass(AnnotatedType type) {
        return type.getType() == null ? null
                : com.fasterxml.jackson.databind.type.TypeFactory.defaultInstance().constructType(type.getType()).getRawClass();
    }

    @Bean
    OperationCustomizer realStatusesAndHeaders() {
        return (operation, handler) -> {
            String method = httpMethod(handler);
            // stable, readable names for generated clients: customerRegister, workOrderStart, ...
            String feature = handler.getBeanType().getSimpleName().replace("Controller", "");
            String name = handler.getMethod().getName();
            operation.setOperationId(Character.toLowerCase(feature.charAt(0)) + feature.substring(1)
                    + Character.toUpperCase(name.charAt(0)) + name.substring(1));
            ApiResponses responses = operation.getResponses();
            String generated = responses.keySet().stream().filter(code -> code.startsWith("2")).findFirst().orElse(null);
            ApiResponse success = generated == null ? null : responses.remove(generated);
            boolean created = answers(handler, CommandAnswers.Created.class) || createdByStatus(handler);
            if (success != null) {
                // springdoc says 200 unless @ResponseStatus says otherwise; a create is 201
                if (created) {
                    success.setDescription("Created");
                    success.addHeaderObject("Location", headerRef("Location"));
                }
                if (MUTATING.contains(method)) {
                    success.addHeaderObject("ETag", headerRef("ETag"));
                    success.addHeaderObject("X-Consistency-Token", headerRef("X-Consistency-Token"));
                }
                success.addHeaderObject("X-Request-Id", headerRef("X-Request-Id"));
                success.addHeaderObject("RateLimit", headerRef("RateLimit"));
                success.addHeaderObject("RateLimit-Policy", headerRef("RateLimit-Policy"));
                responses.addApiResponse(created ? "201" : generated, success);
            }
            // an id in the path, or a query parameter that names one (?eventId=), may name nothing: 404
            boolean pathVariables = operation.getParameters() != null
                    && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn())
                    || "query".equals(p.getIn()) && p.getName().endsWith("Id"));
            // a problem a handler declares itself (@ApiResponse(responseCode = "409") on a read) is the shared one too
            problems(responses, responses.keySet().stream().filter(PROBLEMS::containsKey).toArray(String[]::new));
            problems(responses, "400", "401", "403", "406", "429", "503");
            if (pathVariables) {
                problems(responses, "404");
            }
            if (MUTATING.contains(method)) {
                problems(responses, "409", "412", "422");
                header(operation, "If-Match", "the version the client last saw; refused with 412 when stale");
                header(operation, "Idempotency-Key", "a retry with the same key answers the first answer again");
            } else {
                header(operation, "X-Consistency-Token", "from a command answer: wait until its events are read");
            }
            if (operation.getRequestBody() != null) {
                problems(responses, "413", "415");
            }
            return operation;
        };
    }

    /** The problem answers, one shared response each ({@code #/components/responses/<status>}). */
    private static final Map<String, String> PROBLEMS = Map.ofEntries(
            Map.entry("400", "malformed or invalid input (field errors in errors)"),
            Map.entry("401", "no token, or a token that is invalid or expired"),
            Map.entry("403", "the token's role may not do this"),
            Map.entry("404", "nothing with this id"),
            Map.entry("406", "none of the accepted media types can be produced"),
            Map.entry("409", "a business rule or the current state refuses it (the detail names it)"),
            Map.entry("412", "If-Match names a version that is not the current one"),
            Map.entry("413", "the body is larger than the limit"),
            Map.entry("415", "the body's Content-Type is not accepted"),
            Map.entry("422", "this Idempotency-Key was already used for a different request"),
            Map.entry("429", "rate limited: retry after Retry-After seconds"),
            Map.entry("503", "the identity provider cannot be reached to verify the token; retry after Retry-After"));

    private static final Map<String, String> HEADERS = Map.of(
            "X-Request-Id", "the client's request id, or a new one",
            "RateLimit", "IETF draft: what is left of this client's limit, e.g. \"queries\";r=99;t=1",
            "RateLimit-Policy", "IETF draft: the limit, e.g. \"queries\";q=120000;w=60",
            "Retry-After", "seconds to wait before retrying",
            "Location", "where the new resource is",
            "ETag", "the aggregate's new version, for If-Match",
            "X-Consistency-Token", "send it on a GET to read this write");

    @Bean
    OpenApiCustomizer documentWide() {
        return openApi -> {
            new java.util.TreeMap<>(HEADERS).forEach((name, description) -> openApi.getComponents().addHeaders(name, new Header()
                    .description(description).schema(name.equals("Retry-After") ? new IntegerSchema() : new StringSchema())));
            new java.util.TreeMap<>(PROBLEMS).forEach((code, description) -> {
                ApiResponse response = new ApiResponse().description(description)
                        .content(new Content().addMediaType(PROBLEM_JSON,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
                response.addHeaderObject("X-Request-Id", headerRef("X-Request-Id"));
                if (code.equals("429") || code.equals("503")) {
                    response.addHeaderObject("Retry-After", headerRef("Retry-After"));
                }
                response.addHeaderObject("RateLimit", headerRef("RateLimit"));
                response.addHeaderObject("RateLimit-Policy", headerRef("RateLimit-Policy"));
                openApi.getComponents().addResponses(code, response);
            });
            Map<String, Schema> schemas = openApi.getComponents().getSchemas();
            schemas.remove("ProblemDetail");
            schemas.put(PROBLEM, problemSchema());
            schemas.put("ProblemFieldError", new ObjectSchema().description("one invalid field")
                    .addProperty("field", new StringSchema()).addProperty("message", new StringSchema())
                    .required(List.of("field", "message")));
            schemas.forEach((name, schema) -> {
                if (!name.startsWith(PROBLEM)) {
                    allowNulls(schema);
                }
            });
            if (openApi.getPaths() == null) {
                return;
            }
            openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
                listLimits(operation);
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                    operation.getRequestBody().getContent().forEach((type, media) -> {
                        if (type.contains("json") && media.getExample() == null && media.getSchema() != null) {
                            media.setExample(RequestExamples.of(media.getSchema(), schemas));
                        }
                    });
                }
            }));
        };
    }

    private static Schema<?> problemSchema() {
        Schema<?> problem = new ObjectSchema().description("RFC 9457 problem detail, the shape of every error");
        problem.addProperty("type", new StringSchema().format("uri"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema().minimum(java.math.BigDecimal.valueOf(400))
                .maximum(java.math.BigDecimal.valueOf(599)));
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema().format("uri-reference"));
        problem.addProperty("requestId", new StringSchema().description("also the X-Request-Id header"));
        problem.addProperty("errors", new ArraySchema().items(new Schema<>().$ref("#/components/schemas/ProblemFieldError"))
                .description("validation failures only"));
        problem.setRequired(List.of("type", "title", "status", "detail", "instance", "requestId"));
        return problem;
    }

    /** Every property that is not required may be null: the server writes absent values as null. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void allowNulls(Schema<?> schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
        properties.forEach((name, property) -> {
            if (property.getMinLength() != null && property.getMinLength() == 0) {
                property.setMinLength(null);
            }
            if (required.contains(name)) {
                return;
            }
            if (property.get$ref() != null || property.getEnum() != null) {
                Schema<?> nullable = new Schema<>();
                nullable.setAnyOf(List.of(property, nullType()));
                nullable.setDescription(property.getDescription());
                schema.getProperties().put(name, nullable);
            } else {
                Set<String> types = property.getTypes() != null ? new LinkedHashSet<>(property.getTypes())
                        : property.getType() != null ? new LinkedHashSet<>(Set.of(property.getType())) : null;
                if (types != null) {
                    types.add("null");
                    property.setTypes(types);
                }
            }
        });
    }

    private static Schema<?> nullType() {
        Schema<?> none = new Schema<>();
        none.setTypes(new LinkedHashSet<>(Set.of("null")));
        return none;
    }

    /** ListParams' limits: page 0..MAX_PAGE, size 1..MAX_SIZE (default 20). */
    private static void listLimits(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            Schema<?> schema = parameter.getSchema();
            if (!"query".equals(parameter.getIn()) || schema == null || schema.getMinimum() != null) {
                continue;
            }
            // a fresh schema: springdoc shares one instance between parameters of the same type
            if ("page".equals(parameter.getName())) {
                parameter.setSchema(new IntegerSchema().minimum(java.math.BigDecimal.ZERO)
                        .maximum(java.math.BigDecimal.valueOf(PageQuery.MAX_PAGE))._default(0));
                parameter.setDescription("page number, from 0");
            } else if ("size".equals(parameter.getName()) && schema.getMaximum() == null) {
                parameter.setSchema(new IntegerSchema().minimum(java.math.BigDecimal.ONE)
                        .maximum(java.math.BigDecimal.valueOf(PageQuery.MAX_SIZE))._default(20));
                parameter.setDescription("items per page");
            }
        }
    }

    private static void problems(ApiResponses responses, String... codes) {
        for (String code : codes) {
            responses.addApiResponse(code, new ApiResponse().$ref("#/components/responses/" + code));
        }
    }

    private static Header headerRef(String name) {
        return new Header().$ref("#/components/headers/" + name);
    }

    private static void header(Operation operation, String name, String description) {
        if (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> name.equalsIgnoreCase(p.getName()))) {
            return;
        }
        operation.addParametersItem(new HeaderParameter().name(name).required(false).description(description)
                .schema(new StringSchema().maxLength(200)));
    }

    private static String httpMethod(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        RequestMethod[] methods = mapping == null ? new RequestMethod[0] : mapping.method();
        return methods.length == 0 ? "GET" : methods[0].name();
    }

    /** A create whose answer is more than {@code {id}} says so with {@code @ResponseStatus(CREATED)}. */
    private static boolean createdByStatus(HandlerMethod handler) {
        org.springframework.web.bind.annotation.ResponseStatus status =
                handler.getMethodAnnotation(org.springframework.web.bind.annotation.ResponseStatus.class);
        return status != null && status.code() == org.springframework.http.HttpStatus.CREATED;
    }

    private static boolean answers(HandlerMethod handler, Class<?> body) {
        ResolvableType type = ResolvableType.forMethodReturnType(handler.getMethod());
        if (ResponseEntity.class.isAssignableFrom(type.toClass())) {
            type = type.getGeneric(0);
        }
        return body.isAssignableFrom(type.toClass());
    }
}
