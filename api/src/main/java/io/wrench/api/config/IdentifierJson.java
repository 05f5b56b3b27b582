package io.wrench.api.config;

import io.wrench.shared.Identifier;

import java.lang.reflect.Constructor;
import java.util.UUID;

/**
 * Typed ids ({@link Identifier} records) are written as their bare UUID string in events (Axon's
 * Jackson 2 mapper) and in HTTP answers (Boot's Jackson 3 mapper), and read back from that string.
 */
final class IdentifierJson {

    private IdentifierJson() {
    }

    static boolean isIdentifier(Class<?> type) {
        return Identifier.class.isAssignableFrom(type) && type.isRecord();
    }

    static Object create(Class<?> type, String text) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(UUID.class);
            return constructor.newInstance(UUID.fromString(text.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a UUID", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " has no (UUID) constructor", e);
        }
    }

    /** For Axon's serializer. */
    static com.fasterxml.jackson.databind.Module jackson2Module() {
        var module = new com.fasterxml.jackson.databind.module.SimpleModule("wrench-identifiers");
        module.addSerializer(Identifier.class, com.fasterxml.jackson.databind.ser.std.ToStringSerializer.instance);
        module.setDeserializers(new com.fasterxml.jackson.databind.module.SimpleDeserializers() {
            @Override
            public com.fasterxml.jackson.databind.JsonDeserializer<?> findBeanDeserializer(
                    com.fasterxml.jackson.databind.JavaType type,
                    com.fasterxml.jackson.databind.DeserializationConfig config,
                    com.fasterxml.jackson.databind.BeanDescription beanDesc) {
                Class<?> raw = type.getRawClass();
                if (!isIdentifier(raw)) {
                    return null;
                }
                return new com.fasterxml.jackson.databind.deser.std.FromStringDeserializer<Object>(raw) {
                    @Override
                    protected Object _deserialize(String value, com.fasterxml.jackson.databind.DeserializationContext ctxt) {
                        return create(raw, value);
                    }
                };
            }
        });
        return module;
    }

    /** For the REST layer. */
    static tools.jackson.databind.JacksonModule jackson3Module() {
        var module = new tools.jackson.databind.module.SimpleModule("wrench-identifiers");
        module.addSerializer(Identifier.class, tools.jackson.databind.ser.std.ToStringSerializer.instance);
        module.setDeserializers(new tools.jackson.databind.module.SimpleDeserializers() {
            @Override
            public tools.jackson.databind.ValueDeserializer<?> findBeanDeserializer(
                    tools.jackson.databind.JavaType type,
                    tools.jackson.databind.DeserializationConfig config,
                    tools.jackson.databind.BeanDescription.Supplier beanDescRef) {
                Class<?> raw = type.getRawClass();
                if (!isIdentifier(raw)) {
                    return null;
                }
                return new tools.jackson.databind.deser.std.FromStringDeserializer<Object>(raw) {
                    @Override
                    protected Object _deserialize(String value, tools.jackson.databind.DeserializationContext ctxt) {
                        return create(raw, value);
                    }
                };
            }
        });
        return module;
    }
}
