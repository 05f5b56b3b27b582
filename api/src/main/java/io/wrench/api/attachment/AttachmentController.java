package io.wrench.api.attachment;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wrench.api.web.CommandAnswers;
import io.wrench.api.web.CommandResponses;
import io.wrench.api.web.FieldValidationException;
import io.wrench.api.web.PayloadTooLargeException;
import io.wrench.api.web.RequestMetadata;
import io.wrench.api.web.Sha256;
import io.wrench.command.workorder.messages.AddAttachment;
import io.wrench.command.workorder.messages.RemoveAttachment;
import io.wrench.query.workorder.messages.AttachmentList;
import io.wrench.shared.workorder.WorkOrderId;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;


@RestController
@RequestMapping(path = "/api/work-orders/{id}/attachments", produces = "application/json")
@Tag(name = "Attachments", description = "Photos and documents on work orders and their inspections")
class AttachmentController {

    private static final int MAX_CAPTION = 2000;

    private final Attachments attachments;
    private final ContentInspector inspector;
    private final AttachmentStore store;
    private final CommandResponses commands;
    private final AttachmentProperties properties;

    AttachmentController(Attachments attachments, ContentInspector inspector, AttachmentStore store,
                         CommandResponses commands, AttachmentProperties properties) {
        this.attachments = attachments;
        this.inspector = inspector;
        this.store = store;
        this.commands = commands;
        this.properties = properties;
    }

    /** What an upload answers (201): what the server measured, as the event records it. */
    @Schema(name = "AttachmentUploaded", requiredProperties = {"id", "name", "contentType", "size", "sha256"})
    record Uploaded(@Schema(format = "uuid") UUID id, String name, String contentType, long size, String sha256,
                    @Schema(description = "the work order's version after the command (also the ETag)") Long version) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Attach a photo or document (part 'file'; JPEG, PNG, WebP or PDF, read from the bytes): "
            + "415 another type or a file that is two at once, 413 over the size or image-dimension limits")
    ResponseEntity<Uploaded> upload(@PathVariable UUID id, @RequestPart("file") MultipartFile file,
                                    @RequestPart(name = "inspectionId", required = false)
                                    @Schema(format = "uuid") String inspectionId,
                                    @RequestPart(name = "caption", required = false) String caption) throws IOException {
        if (file.getSize() > properties.getMaxFileBytes()) {
            throw new PayloadTooLargeException("the file is larger than the " + properties.getMaxFileBytes()
                    + " bytes an attachment may be");
        }
        UUID inspection = parseInspection(inspectionId);
        if (caption != null && (caption.isBlank() || caption.length() > MAX_CAPTION)) {
            throw new FieldValidationException("caption", "must be 1 to " + MAX_CAPTION + " characters when given");
        }
        byte[] bytes = file.getBytes();
        ContentKind kind = inspector.inspect(bytes);
        String name = FileNames.sanitise(file.getOriginalFilename(), kind);
        String sha256 = Sha256.hex(bytes);
        WorkOrderId workOrderId = new WorkOrderId(id);
        attachments.requireWorkOrder(workOrderId);
        UUID attachmentId = UUID.randomUUID();
        String key = AttachmentStore.key(workOrderId, attachmentId);
        // the bytes first: an event never names bytes that are not there
        store.put(key, bytes, kind.mediaType);
        try {
            return commands.childCreatedAt(version -> new AddAttachment(workOrderId, attachmentId, inspection, name,
                            kind.mediaType, bytes.length, sha256, caption, RequestMetadata.currentUser(), version),
                    "/api/work-orders/" + id + "/attachments/" + attachmentId,
                    version -> new Uploaded(attachmentId, name, kind.mediaType, bytes.length, sha256, version));
        } catch (RuntimeException refused) {
            store.delete(key);
            throw refused;
        }
    }

    @GetMapping
    @Operation(summary = "The work order's attachments (removed ones left out), oldest first")
    AttachmentList list(@PathVariable UUID id) {
        return attachments.list(new WorkOrderId(id));
    }

    @GetMapping(path = "/{attachmentId}", produces = {MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE,
            "image/webp", MediaType.APPLICATION_PDF_VALUE})
    @Operation(summary = "The attachment's bytes with their content type; 409 when they no longer match the "
            + "SHA-256 recorded when it was added")
    @ApiResponse(responseCode = "200", description = "the bytes")
    @ApiResponse(responseCode = "409", description = "the stored bytes no longer match the recorded SHA-256")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        Attachments.Content content = attachments.content(new WorkOrderId(id), attachmentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.view().contentType()))
                .header("Content-Disposition", ContentDisposition.attachment()
                        .filename(content.view().name(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .eTag("\"" + content.view().sha256() + "\"")
                .body(content.bytes());
    }

    @GetMapping(path = "/{attachmentId}/thumbnail", produces = MediaType.IMAGE_PNG_VALUE)
    @Operation(summary = "A PNG thumbnail of an image attachment (404 for a PDF)")
    @ApiResponse(responseCode = "200", description = "the thumbnail")
    @ApiResponse(responseCode = "409", description = "the stored bytes no longer match the recorded SHA-256")
    ResponseEntity<byte[]> thumbnail(@PathVariable UUID id, @PathVariable UUID attachmentId) throws IOException {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).header("X-Content-Type-Options", "nosniff")
                .body(attachments.thumbnail(new WorkOrderId(id), attachmentId));
    }

    @DeleteMapping("/{attachmentId}")
    @Operation(summary = "Take the attachment off the work order (an event; the bytes stay in the store)")
    ResponseEntity<CommandAnswers.Versioned> remove(@PathVariable UUID id, @PathVariable UUID attachmentId) {
        WorkOrderId workOrderId = new WorkOrderId(id);
        return commands.action(version -> new RemoveAttachment(workOrderId, attachmentId, RequestMetadata.currentUser(),
                version));
    }

    private static UUID parseInspection(String inspectionId) {
        if (inspectionId == null) {
            return null;
        }
        try {
            UUID parsed = UUID.fromString(inspectionId.trim());
            if (!parsed.toString().equalsIgnoreCase(inspectionId.trim())) {
                throw new IllegalArgumentException();
            }
            return parsed;
        } catch (IllegalArgumentException e) {
            throw new FieldValidationException("inspectionId", "must be a UUID (8-4-4-4-12 hex digits)");
        }
    }
}
