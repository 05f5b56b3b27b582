package io.wrench.api.attachment;

import io.wrench.api.web.UnsupportedMediaTypeException;

import java.nio.charset.StandardCharsets;

/** Where each format ends, by its own structure: anything after that end is another file riding along. */
final class Formats {

    private Formats() {
    }

    static void requireNothingAfterEnd(byte[] bytes, ContentKind kind) {
        int end = switch (kind) {
            case PNG -> pngEnd(bytes);
            case JPEG -> jpegEnd(bytes);
            case WEBP -> webpEnd(bytes);
            case PDF -> pdfEnd(bytes);
        };
        if (end < 0) {
            throw new UnsupportedMediaTypeException("the content starts like " + kind + " but its structure is broken");
        }
        if (end < bytes.length) {
            throw new UnsupportedMediaTypeException("the " + kind + " has " + (bytes.length - end) + " bytes after its "
                    + "end; a file that is two formats at once is refused");
        }
    }

    /** After the IEND chunk; -1 when the chunks do not add up. */
    private static int pngEnd(byte[] bytes) {
        int offset = 8;
        boolean first = true;
        while (offset + 12 <= bytes.length) {
            long length = uint32(bytes, offset);
            String type = new String(bytes, offset + 4, 4, StandardCharsets.ISO_8859_1);
            if (first && !type.equals("IHDR")) {
                return -1;
            }
            first = false;
            long next = offset + 12 + length;
            if (next > bytes.length) {
                return -1;
            }
            if (type.equals("IEND")) {
                return (int) next;
            }
            offset = (int) next;
        }
        return -1;
    }

    /** After the EOI marker, walking the segments and the entropy-coded data; -1 when it never ends. */
    private static int jpegEnd(byte[] bytes) {
        int offset = 2;
        while (offset + 1 < bytes.length) {
            if ((bytes[offset] & 0xFF) != 0xFF) {
                return -1;
            }
            int marker = bytes[offset + 1] & 0xFF;
            if (marker == 0xFF) {
                offset++;
                continue;
            }
            if (marker == 0xD9) {
                return offset + 2;
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                offset += 2;
                continue;
            }
            if (offset + 3 >= bytes.length) {
                return -1;
            }
            int length = (bytes[offset + 2] & 0xFF) << 8 | bytes[offset + 3] & 0xFF;
            if (length < 2) {
                return -1;
            }
            offset += 2 + length;
            if (marker == 0xDA) {
                offset = afterScan(bytes, offset);
            }
        }
        return -1;
    }

    /** The position of the next marker after entropy-coded data (0xFF followed by neither 0x00 nor RSTn). */
    private static int afterScan(byte[] bytes, int offset) {
        for (int i = offset; i + 1 < bytes.length; i++) {
            if ((bytes[i] & 0xFF) == 0xFF) {
                int next = bytes[i + 1] & 0xFF;
                if (next != 0x00 && !(next >= 0xD0 && next <= 0xD7) && next != 0xFF) {
                    return i;
                }
            }
        }
        return bytes.length;
    }

    /** The RIFF container's own length (plus its padding byte). */
    private static int webpEnd(byte[] bytes) {
        long size = uint32le(bytes, 4);
        long end = 8 + size + (size % 2);
        return end > bytes.length ? -1 : (int) end;
    }

    /** After the last %%EOF and the line end that may follow it. */
    private static int pdfEnd(byte[] bytes) {
        byte[] eof = "%%EOF".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = bytes.length - eof.length; i >= 0; i--) {
            if (matches(bytes, i, eof)) {
                int end = i + eof.length;
                while (end < bytes.length && (bytes[end] == '\r' || bytes[end] == '\n' || bytes[end] == ' '
                        || bytes[end] == '\t' || bytes[end] == 0)) {
                    end++;
                }
                return end;
            }
        }
        return -1;
    }

    /** A PDF name (/JS) as a whole name: not the start of a longer one (/JSomething). */
    static boolean containsPdfName(byte[] bytes, String name) {
        byte[] wanted = name.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i + wanted.length <= bytes.length; i++) {
            if (matches(bytes, i, wanted)) {
                int after = i + wanted.length;
                if (after == bytes.length || !Character.isLetterOrDigit(bytes[after] & 0xFF)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean matches(byte[] bytes, int offset, byte[] wanted) {
        for (int j = 0; j < wanted.length; j++) {
            if (bytes[offset + j] != wanted[j]) {
                return false;
            }
        }
        return true;
    }

    private static long uint32(byte[] bytes, int offset) {
        return (bytes[offset] & 0xFFL) << 24 | (bytes[offset + 1] & 0xFFL) << 16 | (bytes[offset + 2] & 0xFFL) << 8
                | bytes[offset + 3] & 0xFFL;
    }

    private static long uint32le(byte[] bytes, int offset) {
        return bytes.length < offset + 4 ? Long.MAX_VALUE : (bytes[offset + 3] & 0xFFL) << 24
                | (bytes[offset + 2] & 0xFFL) << 16 | (bytes[offset + 1] & 0xFFL) << 8 | bytes[offset] & 0xFFL;
    }
}
