package io.wrench.api.attachment;

/** The content an attachment may be, recognised by its first bytes (magic numbers), never by its label. */
enum ContentKind {
    JPEG("image/jpeg", "jpg", "jpeg"),
    PNG("image/png", "png", "png"),
    WEBP("image/webp", "webp", "webp"),
    PDF("application/pdf", "pdf", null);

    final String mediaType;
    final String extension;
    /** ImageIO's format name; null for what is not an image. */
    final String imageFormat;

    ContentKind(String mediaType, String extension, String imageFormat) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.imageFormat = imageFormat;
    }

    boolean isImage() {
        return imageFormat != null;
    }

    static ContentKind of(byte[] bytes) {
        if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
            return WEBP;
        }
        if (startsWith(bytes, 0, '%', 'P', 'D', 'F', '-')) {
            return PDF;
        }
        return null;
    }

    static ContentKind ofMediaType(String mediaType) {
        for (ContentKind kind : values()) {
            if (kind.mediaType.equals(mediaType)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("not an attachment type: " + mediaType);
    }

    private static boolean startsWith(byte[] bytes, int offset, int... expected) {
        if (bytes.length < offset + expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if ((bytes[offset + i] & 0xFF) != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
