package io.wrench.api.attachment;

import io.wrench.api.web.PayloadTooLargeException;
import io.wrench.api.web.UnsupportedMediaTypeException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionLaunch;
import org.springframework.stereotype.Component;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * What an upload really is, decided from its bytes alone: one of the four kinds (else 415), within the
 * limits (else 413), and nothing else hidden in it (else 415). An image's size is read from its header
 * before any pixel is decoded, so a decompression bomb (a small file declaring a huge picture) is
 * refused unread; it is then decoded, subsampled, to prove it is the picture it claims to be. A polyglot
 * (a file that is also another format) is refused by three rules: nothing after the format's own end
 * (a ZIP or a script appended to a JPEG), no second format's signature inside (a PDF header in a
 * JPEG comment, HTML, SVG or PHP anywhere), and no active content in a PDF (JavaScript, launch
 * actions, embedded files, XFA forms).
 */
@Component
class ContentInspector {

    /** What a browser or a PHP interpreter would run if the file were ever served as something else. */
    private static final List<String> MARKUP = List.of("<script", "<html", "<svg", "<?php", "<!doctype", "<iframe", "<body");
    /** PDF names of active content; matched as whole names. */
    private static final List<String> ACTIVE_PDF_NAMES = List.of("/JavaScript", "/JS", "/Launch", "/EmbeddedFile",
            "/EmbeddedFiles", "/RichMedia", "/XFA");
    /** Images are decoded at most this large (subsampled) to check them. */
    private static final int CHECK_SIDE = 512;

    private final AttachmentProperties limits;

    ContentInspector(AttachmentProperties limits) {
        this.limits = limits;
        ImageIO.scanForPlugins();
        ImageIO.setUseCache(false);
    }

    /** The kind of the bytes, once every check passed. */
    ContentKind inspect(byte[] bytes) throws PayloadTooLargeException {
        ContentKind kind = ContentKind.of(bytes);
        if (kind == null) {
            throw new UnsupportedMediaTypeException("the content is none of JPEG, PNG, WebP or PDF (read from its "
                    + "bytes; the declared type and the file name do not count)");
        }
        refuseEmbeddedMarkup(bytes, kind);
        if (kind.isImage()) {
            Formats.requireNothingAfterEnd(bytes, kind);
            decode(bytes, kind, CHECK_SIDE);
        } else {
            Formats.requireNothingAfterEnd(bytes, kind);
            checkPdf(bytes);
        }
        return kind;
    }

    /**
     * The image's header is read first: one over the limits is refused before its pixels are decoded.
     * The picture is then decoded subsampled to at most {@code side} pixels a side.
     */
    BufferedImage decode(byte[] bytes, ContentKind kind, int side) throws PayloadTooLargeException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(kind.imageFormat);
            if (!readers.hasNext()) {
                throw new IllegalStateException("no image reader for " + kind);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                requireWithinLimits(width, height);
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, (Math.max(width, height) + side - 1) / side);
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
                    throw new IOException("no picture");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (PayloadTooLargeException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UnsupportedMediaTypeException("the content starts like " + kind + " but is not a readable "
                    + kind + " image");
        }
    }

    private void requireWithinLimits(int width, int height) throws PayloadTooLargeException {
        if (width > limits.getMaxImageSide() || height > limits.getMaxImageSide()
                || (long) width * height > limits.getMaxImagePixels()) {
            throw new PayloadTooLargeException("the image is " + width + " x " + height + " pixels; at most "
                    + limits.getMaxImageSide() + " a side and " + limits.getMaxImagePixels() + " in all are accepted");
        }
    }

    private void checkPdf(byte[] bytes) throws PayloadTooLargeException {
        for (String name : ACTIVE_PDF_NAMES) {
            if (Formats.containsPdfName(bytes, name)) {
                throw activeContent(name);
            }
        }
        int pages;
        try (PDDocument document = Loader.loadPDF(bytes)) {
            pages = document.getNumberOfPages();
            PDDocumentCatalog catalog = document.getDocumentCatalog();
            PDDocumentNameDictionary names = catalog.getNames();
            if (names != null && (names.getJavaScript() != null || names.getEmbeddedFiles() != null)) {
                throw activeContent("/Names");
            }
            if (catalog.getOpenAction() instanceof PDActionJavaScript
                    || catalog.getOpenAction() instanceof PDActionLaunch) {
                throw activeContent("/OpenAction");
            }
            if (catalog.getAcroForm() != null && catalog.getAcroForm().hasXFA()) {
                throw activeContent("/XFA");
            }
        } catch (InvalidPasswordException e) {
            throw new UnsupportedMediaTypeException("the PDF is encrypted; upload it without a password");
        } catch (IOException e) {
            throw new UnsupportedMediaTypeException("the content starts like a PDF but is not a readable PDF");
        }
        if (pages < 1) {
            throw new UnsupportedMediaTypeException("the PDF has no pages");
        }
        if (pages > limits.getMaxPdfPages()) {
            throw new PayloadTooLargeException("the PDF has " + pages + " pages; at most " + limits.getMaxPdfPages()
                    + " are accepted");
        }
    }

    private static UnsupportedMediaTypeException activeContent(String name) {
        return new UnsupportedMediaTypeException("the PDF holds active content (" + name + "); only plain documents "
                + "are accepted");
    }

    private static void refuseEmbeddedMarkup(byte[] bytes, ContentKind kind) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        for (String marker : MARKUP) {
            if (text.contains(marker)) {
                throw new UnsupportedMediaTypeException("the " + kind + " has markup or script inside it (" + marker
                        + "); a file that is two formats at once is refused");
            }
        }
        if (kind.isImage() && text.contains("%pdf-")) {
            throw new UnsupportedMediaTypeException("the " + kind + " has a PDF inside it; a file that is two formats "
                    + "at once is refused");
        }
    }
}
