package io.wrench.api.attachment;

import io.wrench.api.security.Role;
import io.wrench.api.support.Api;
import io.wrench.api.workorder.WorkOrderTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AttachmentHttpTest extends WorkOrderTestSupport {

    @Autowired
    private AttachmentProperties properties;

    @Test
    void a_photo_is_stored_listed_downloaded_and_thumbnailed() throws Exception {
        String workOrder = newWorkOrder();
        byte[] photo = Samples.jpeg(1200, 800);

        Api.Response uploaded = upload(Role.TECHNICIAN, workOrder, "front bumper.JPG", "application/octet-stream", photo,
                Map.of("caption", "Dent before the repair"));

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        JsonNode answer = uploaded.json();
        assertThat(answer.get("name").asText()).isEqualTo("front bumper.jpg");
        assertThat(answer.get("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(answer.get("size").asLong()).isEqualTo(photo.length);
        assertThat(answer.get("sha256").asText()).isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(photo)));
        String path = "/api/work-orders/" + workOrder + "/attachments/" + answer.get("id").asText();
        assertThat(uploaded.header("Location")).isEqualTo(path);

        JsonNode list = readAfter(uploaded, Role.ADVISOR, "/api/work-orders/" + workOrder + "/attachments").json();
        assertThat(list.get("items")).hasSize(1);
        assertThat(list.get("items").get(0).get("caption").asText()).isEqualTo("Dent before the repair");
        assertThat(list.get("items").get(0).get("addedBy").asText()).isEqualTo("technician-client");

        Api.Response download = api.as(Role.AUDITOR).get(path);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(download.bytes()).isEqualTo(photo);
        assertThat(download.header("Content-Disposition")).contains("front bumper.jpg");

        Api.Response thumbnail = api.as(Role.ADVISOR).get(path + "/thumbnail");
        assertThat(thumbnail.status()).isEqualTo(200);
        assertThat(thumbnail.header("Content-Type")).isEqualTo("image/png");
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(thumbnail.bytes()));
        assertThat(small.getWidth()).isEqualTo(properties.getThumbnailSize());
        assertThat(small.getHeight()).isBetween(properties.getThumbnailSize() * 2 / 3, properties.getThumbnailSize() * 2 / 3 + 1);
    }

    @Test
    void png_webp_and_pdf_are_taken_too_and_the_pdf_has_no_thumbnail() {
        String workOrder = newWorkOrder();
        assertThat(upload(Role.ADVISOR, workOrder, "a.png", "image/png", Samples.png(30, 20), Map.of()).json()
                .get("contentType").asText()).isEqualTo("image/png");
        Api.Response webp = upload(Role.ADVISOR, workOrder, "tiny", "image/webp", Samples.WEBP, Map.of());
        assertThat(webp.status()).as(webp.toString()).isEqualTo(201);
        assertThat(webp.json().get("name").asText()).isEqualTo("tiny.webp");
        assertThat(readAfter(webp, Role.ADVISOR, webp.header("Location") + "/thumbnail").status()).isEqualTo(200);
        Api.Response pdf = upload(Role.ADVISOR, workOrder, "estimate.pdf", "application/pdf",
                Samples.pdf("Estimate 42"), Map.of());
        assertThat(pdf.json().get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(readAfter(pdf, Role.ADVISOR, pdf.header("Location")).header("Content-Type")).isEqualTo("application/pdf");
        assertThat(api.as(Role.ADVISOR).get(pdf.header("Location") + "/thumbnail").status()).isEqualTo(404);
    }

    @Test
    void the_type_comes_from_the_bytes_not_the_label() {
        String workOrder = newWorkOrder();
        assertRefused(upload(Role.ADVISOR, workOrder, "photo.png", "image/png",
                "just text, labelled a PNG".getBytes(StandardCharsets.UTF_8), Map.of()), 415);
        assertRefused(upload(Role.ADVISOR, workOrder, "anim.gif", "image/gif", Samples.gif(), Map.of()), 415);
        assertRefused(upload(Role.ADVISOR, workOrder, "broken.png", "image/png", Samples.truncatedPng(), Map.of()), 415);
    }

    @Test
    void a_file_over_the_size_limit_is_413() {
        String workOrder = newWorkOrder();
        byte[] big = new byte[(int) properties.getMaxFileBytes() + 1];
        System.arraycopy(Samples.png(1, 1), 0, big, 0, 8);
        assertRefused(upload(Role.ADVISOR, workOrder, "big.png", "image/png", big, Map.of()), 413);
    }

    @Test
    void a_decompression_bomb_is_refused_by_its_header() {
        String workOrder = newWorkOrder();
        byte[] bomb = Samples.pngDeclaring(60_000);
        assertThat(bomb.length).isLessThan(200);
        Api.Response refused = upload(Role.ADVISOR, workOrder, "bomb.png", "image/png", bomb, Map.of());
        assertRefused(refused, 413);
        assertThat(refused.json().get("detail").asText()).contains("60000 x 60000");
    }

    @Test
    void polyglots_and_active_content_are_415() {
        String workOrder = newWorkOrder();
        assertRefused(upload(Role.ADVISOR, workOrder, "a.jpg", "image/jpeg", Samples.jpegWithPdfInside(), Map.of()), 415);
        assertRefused(upload(Role.ADVISOR, workOrder, "a.png", "image/png", Samples.pngWithZipAppended(), Map.of()), 415);
        assertRefused(upload(Role.ADVISOR, workOrder, "a.png", "image/png", Samples.pngWithScriptChunk(), Map.of()), 415);
        assertRefused(upload(Role.ADVISOR, workOrder, "a.pdf", "application/pdf", Samples.pdf("Hi", true), Map.of()), 415);
        byte[] pdfThenHtml = concat(Samples.pdf("Hi"), "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertRefused(upload(Role.ADVISOR, workOrder, "a.pdf", "application/pdf", pdfThenHtml, Map.of()), 415);
    }

    @Test
    void the_clients_file_name_is_only_a_sanitised_label() throws Exception {
        String workOrder = newWorkOrder();
        Api.Response uploaded = upload(Role.ADVISOR, workOrder, "../../../../etc/cron.d/evil<x>|*?.sh.png",
                "image/png", Samples.png(4, 4), Map.of());

        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        String name = uploaded.json().get("name").asText();
        assertThat(name).isEqualTo("evil_x_.sh.png");
        Path stored = properties.getDirectory().resolve("work-orders").resolve(workOrder)
                .resolve(uploaded.json().get("id").asText());
        assertThat(stored).exists();
        assertThat(Files.readAllBytes(stored)).isEqualTo(Samples.png(4, 4));
    }

    @Test
    void bytes_that_changed_in_the_store_are_409_not_served() throws Exception {
        String workOrder = newWorkOrder();
        Api.Response uploaded = upload(Role.ADVISOR, workOrder, "a.png", "image/png", Samples.png(10, 10), Map.of());
        Path stored = properties.getDirectory().resolve("work-orders").resolve(workOrder)
                .resolve(uploaded.json().get("id").asText());
        settle();
        Files.write(stored, Samples.png(11, 11));

        Api.Response download = api.as(Role.ADVISOR).get(uploaded.header("Location"));

        assertRefused(download, 409);
        assertThat(download.json().get("detail").asText()).contains("no longer match");
        assertRefused(api.as(Role.ADVISOR).get(uploaded.header("Location") + "/thumbnail"), 409);
    }

    @Test
    void removing_is_an_event_and_the_attachment_is_gone_from_the_work_order() throws Exception {
        String workOrder = newWorkOrder();
        Api.Response uploaded = upload(Role.ADVISOR, workOrder, "a.png", "image/png", Samples.png(10, 10), Map.of());
        String attachment = uploaded.json().get("id").asText();

        assertRefused(api.as(Role.TECHNICIAN).delete(uploaded.header("Location")), 403);
        String etag = readAfter(uploaded, Role.MANAGER, "/api/work-orders/" + workOrder).header("ETag");
        assertThat(etag).as("the work order's version counts the attachment").isEqualTo(uploaded.header("ETag"));
        Api.Response removed = api.as(Role.MANAGER).header("If-Match", etag).delete(uploaded.header("Location"));

        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        assertThat(readAfter(removed, Role.ADVISOR, "/api/work-orders/" + workOrder + "/attachments").json()
                .get("items")).isEmpty();
        assertRefused(api.as(Role.ADVISOR).get(uploaded.header("Location")), 404);
        assertRefused(api.as(Role.MANAGER).delete(uploaded.header("Location")), 404);
        assertThat(eventStore.readEvents(workOrder).asStream().map(e -> e.getPayloadType().getSimpleName()))
                .contains("AttachmentAdded", "AttachmentRemoved");
        assertThat(properties.getDirectory().resolve("work-orders").resolve(workOrder).resolve(attachment)).exists();
    }

    @Test
    void an_attachment_can_belong_to_an_inspection_of_the_same_work_order() {
        String workOrder = newWorkOrder();
        assertThat(action(Role.ADVISOR, workOrder, "approve", null).status()).isEqualTo(200);
        assertThat(action(Role.MANAGER, workOrder, "assign", Map.of("technician", "technician-client")).status()).isEqualTo(200);
        assertThat(action(Role.TECHNICIAN, workOrder, "start", null).status()).isEqualTo(200);
        String inspection = action(Role.TECHNICIAN, workOrder, "inspections", Map.of("result", "PASS")).id();

        Api.Response attached = upload(Role.TECHNICIAN, workOrder, "after.png", "image/png", Samples.png(5, 5),
                Map.of("inspectionId", inspection));

        assertThat(attached.status()).as(attached.toString()).isEqualTo(201);
        assertThat(readAfter(attached, Role.ADVISOR, "/api/work-orders/" + workOrder + "/attachments").json()
                .get("items").get(0).get("inspectionId").asText()).isEqualTo(inspection);
        assertRefused(upload(Role.TECHNICIAN, workOrder, "after.png", "image/png", Samples.png(5, 5),
                Map.of("inspectionId", UUID.randomUUID().toString())), 404);
        assertRefused(upload(Role.TECHNICIAN, workOrder, "after.png", "image/png", Samples.png(5, 5),
                Map.of("inspectionId", "not-a-uuid")), 400);
    }

    @Test
    void unknown_work_orders_and_roles_that_may_not_upload() {
        String unknown = UUID.randomUUID().toString();
        assertRefused(upload(Role.ADVISOR, unknown, "a.png", "image/png", Samples.png(2, 2), Map.of()), 404);
        assertRefused(api.as(Role.ADVISOR).get("/api/work-orders/" + unknown + "/attachments"), 404);
        String workOrder = newWorkOrder();
        assertRefused(upload(Role.STOREKEEPER, workOrder, "a.png", "image/png", Samples.png(2, 2), Map.of()), 403);
        assertRefused(api.as(Role.ADVISOR).get("/api/work-orders/" + workOrder + "/attachments/" + unknown), 404);
    }

    private Api.Response upload(Role role, String workOrder, String filename, String contentType, byte[] content,
                                Map<String, String> fields) {
        String boundary = "wrench-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : new LinkedHashMap<>(fields).entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + field.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + filename + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.as(role).sendBytes("POST", "/api/work-orders/" + workOrder + "/attachments", body.toByteArray(),
                "multipart/form-data; boundary=" + boundary);
    }

    private static void assertRefused(Api.Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
