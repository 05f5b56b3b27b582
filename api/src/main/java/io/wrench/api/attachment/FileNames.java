package io.wrench.api.attachment;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The name an attachment is shown and downloaded under. Only metadata: the bytes are stored under
 * the server's ids. The last path segment of what the client sent, letters, digits and a few marks
 * only, at most 100 characters, with the extension of the content's real kind.
 */
final class FileNames {

    private static final int MAX = 100;

    private FileNames() {
    }

    static String sanitise(String original, ContentKind kind) {
        String name = original == null ? "" : Normalizer.normalize(original, Normalizer.Form.NFC);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[^\\p{L}\\p{N} ._()-]", "_").replaceAll("_{2,}", "_")
                .replaceAll("^[ ._]+|[ .]+$", "");
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String extension = dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        if (stem.isBlank()) {
            stem = "attachment";
        }
        boolean fits = extension.equals(kind.extension) || kind == ContentKind.JPEG && extension.equals("jpeg");
        String suffix = "." + (fits ? extension : kind.extension);
        if (stem.length() + suffix.length() > MAX) {
            stem = stem.substring(0, MAX - suffix.length());
        }
        return stem + suffix;
    }
}
