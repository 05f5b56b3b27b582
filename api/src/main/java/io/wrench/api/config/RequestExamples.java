package io.wrench.api.config;

import io.swagger.v3.oas.models.media.Schema;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A valid example of a request body, made from its schema: a property's own example when it has
 * one, else the smallest value its type, format and limits allow. Every property is filled in.
 */
final class RequestExamples {

    private static final String REF = "#/components/schemas/";

    private RequestExamples() {
    }

    @SuppressWarnings("rawtypes")
    static Object of(Schema<?> schema, Map<String, Schema> components) {
        return value(schema, components, 0);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Object value(Schema<?> schema, Map<String, Schema> components, int depth) {
        if (schema == null || depth > 5) {
            return null;
        }
        if (schema.get$ref() != null && schema.get$ref().startsWith(REF)) {
            return value(components.get(schema.get$ref().substring(REF.length())), components, depth + 1);
        }
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getAnyOf() != null && !schema.getAnyOf().isEmpty()) {
            return value(schema.getAnyOf().get(0), components, depth + 1);
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            return schema.getEnum().get(0);
        }
        String type = type(schema);
        if (schema.getProperties() != null || "object".equals(type)) {
            Map<String, Object> object = new LinkedHashMap<>();
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((name, property) -> {
                    Object value = value(property, components, depth + 1);
                    if (value != null) {
                        object.put(name, value);
                    }
                });
            }
            return object;
        }
        return switch (type == null ? "" : type) {
            case "array" -> {
                Object item = value(schema.getItems(), components, depth + 1);
                yield item == null ? List.of() : List.of(item);
            }
            case "integer" -> number(schema).toBigInteger();
            case "number" -> number(schema);
            case "boolean" -> Boolean.FALSE;
            case "string" -> text(schema);
            default -> null;
        };
    }

    private static String type(Schema<?> schema) {
        Set<String> types = schema.getTypes();
        if (types != null) {
            return types.stream().filter(t -> !"null".equals(t)).findFirst().orElse(null);
        }
        return schema.getType();
    }

    private static BigDecimal number(Schema<?> schema) {
        BigDecimal value = BigDecimal.ONE;
        if (schema.getMinimum() != null) {
            value = value.max(schema.getMinimum());
        }
        if (schema.getExclusiveMinimumValue() != null && value.compareTo(schema.getExclusiveMinimumValue()) <= 0) {
            value = schema.getExclusiveMinimumValue().add(BigDecimal.ONE);
        }
        if (schema.getMaximum() != null && value.compareTo(schema.getMaximum()) > 0) {
            value = schema.getMaximum();
        }
        return value;
    }

    private static String text(Schema<?> schema) {
        String format = schema.getFormat();
        if (format != null) {
            switch (format) {
                case "uuid": return "3fa85f64-5717-4562-b3fc-2c963f66afa6";
                case "email": return "ada@example.com";
                case "date": return "2026-12-24";
                case "date-time": return "2026-12-24T09:00:00Z";
                case "uri": return "https://example.com";
                default: break;
            }
        }
        String text = "example";
        if (schema.getMaxLength() != null && schema.getMaxLength() < text.length()) {
            text = text.substring(0, Math.max(1, schema.getMaxLength()));
        }
        return text;
    }
}
