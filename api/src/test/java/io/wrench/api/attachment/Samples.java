package io.wrench.api.attachment;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.CRC32;

/** Files for the upload tests, made here so that every hostile case is visible in code. */
final class Samples {

    /** A 1 × 1 lossless WebP (TwelveMonkeys reads WebP; nothing on the JDK writes it). */
    static final byte[] WEBP = Base64.getDecoder().decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==");

    private Samples() {
    }

    static byte[] png(int width, int height) {
        return image("png", width, height);
    }

    static byte[] jpeg(int width, int height) {
        return image("jpg", width, height);
    }

    static byte[] gif() {
        return image("gif", 10, 10);
    }

    private static byte[] image(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLUE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no writer for " + format);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    static byte[] pdf(String text) {
        return pdf(text, false);
    }

    /** A one-page PDF; with {@code script}, one that runs JavaScript when opened. */
    static byte[] pdf(String text, boolean script) {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 700);
                content.showText(text);
                content.endText();
            }
            if (script) {
                document.getDocumentCatalog().setOpenAction(new PDActionJavaScript("app.alert('hi')"));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A decompression bomb: a real, tiny PNG whose header says it is {@code side} × {@code side} pixels
     * (with a correct CRC), as the classic bombs do.
     */
    static byte[] pngDeclaring(int side) {
        byte[] png = png(1, 1);
        // signature (8), IHDR length (4), "IHDR" (4), width (4), height (4) ... CRC after 13 data bytes
        ByteBuffer.wrap(png, 16, 8).putInt(side).putInt(side);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        ByteBuffer.wrap(png, 29, 4).putInt((int) crc.getValue());
        return png;
    }

    /** A JPEG that is a PDF too: a PDF header in a comment segment right after SOI. */
    static byte[] jpegWithPdfInside() {
        byte[] jpeg = jpeg(20, 20);
        byte[] comment = "%PDF-1.4\n1 0 obj << >> endobj\n".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xFE);
        int length = comment.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.writeBytes(comment);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A PNG with a ZIP archive after IEND (a "GIFAR"-style polyglot: ZIP readers read from the end). */
    static byte[] pngWithZipAppended() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(png(8, 8));
        out.writeBytes(new byte[]{'P', 'K', 3, 4, 20, 0, 0, 0, 0, 0});
        out.writeBytes("payload.txt".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(new byte[]{'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
        return out.toByteArray();
    }

    /** A PNG with a PHP script in a tEXt chunk (valid CRC): an image that a misconfigured server would run. */
    static byte[] pngWithScriptChunk() {
        byte[] png = png(8, 8);
        byte[] data = "Comment\0<?php system($_GET['c']); ?>".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length);
        chunk.putInt(data.length).put("tEXt".getBytes(StandardCharsets.ISO_8859_1)).put(data);
        CRC32 crc = new CRC32();
        crc.update(chunk.array(), 4, 4 + data.length);
        chunk.putInt((int) crc.getValue());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int afterHeader = 8 + 25;
        out.write(png, 0, afterHeader);
        out.writeBytes(chunk.array());
        out.write(png, afterHeader, png.length - afterHeader);
        return out.toByteArray();
    }

    /** A PNG cut off in the middle. */
    static byte[] truncatedPng() {
        byte[] png = png(64, 64);
        return java.util.Arrays.copyOf(png, png.length / 2);
    }
}
