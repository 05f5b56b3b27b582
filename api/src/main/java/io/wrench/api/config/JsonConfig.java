package io.wrench.api.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.type.LogicalType;

@Configuration(proxyBeanMethods = false)
class JsonConfig {

    /**
     * Axon's serializer (Jackson 2; Boot's own mapper is Jackson 3). Instants are stored as ISO-8601
     * text because auditors read the stored events; unknown fields are tolerated so an older reader
     * survives a newer, compatible event shape.
     */
    @Bean("defaultAxonObjectMapper")
    ObjectMapper defaultAxonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(IdentifierJson.jackson2Module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }

    /**
     * Request bodies take JSON's types as docs/rest-contract.md writes them: a number where a number is expected, a
     * string where text is. Jackson would otherwise turn {@code "5"} into 5, {@code 2020.7} into 2020,
     * {@code true} into "true" and {@code 0} into an enum's first constant; each of those is now a 400.
     * A key given twice is a 400 too (Jackson would keep the last one silently), and so is text that is
     * not well-formed Unicode ({@link WellFormedStrings}).
     */
    @Bean
    JsonMapperBuilderCustomizer strictJsonTypes() {
        return builder -> builder
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addModule(new tools.jackson.databind.module.SimpleModule("wrench-strings")
                        .addDeserializer(String.class, new WellFormedStrings()))
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(tools.jackson.databind.DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    @Bean
    tools.jackson.databind.JacksonModule wrenchIdentifierModule() {
        return IdentifierJson.jackson3Module();
    }
}
