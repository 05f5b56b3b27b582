package io.wrench.api.web;

/** Versions as strong entity tags: version 3 is {@code "3"}; {@code If-Match} accepts 3, "3" and W/"3". */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    public static Long parseIfMatch(String header) {
        if (header == null || header.isBlank() || header.trim().equals("*")) {
            return null;
        }
        String value = header.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        try {
            long version = Long.parseLong(value);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw new InvalidIfMatch(header);
        }
    }

    public static class InvalidIfMatch extends RuntimeException {
        public InvalidIfMatch(String header) {
            super("If-Match '" + header + "' is not a version this API issued (expected e.g. \"3\")");
        }
    }
}
