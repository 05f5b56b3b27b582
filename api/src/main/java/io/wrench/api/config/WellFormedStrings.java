package io.wrench.api.config;

import io.wrench.api.web.JsonErrors;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;

/**
 * JSON escapes can spell a lone UTF-16 surrogate ({@code "\ud800"}), which is no character at all:
 * stored, it would come back to every reader as invalid UTF-16. Such text is refused as it is read.
 */
final class WellFormedStrings extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String value = super.deserialize(parser, context);
        if (value != null && !wellFormed(value)) {
            throw new JsonErrors.MalformedText(parser);
        }
        return value;
    }

    static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
