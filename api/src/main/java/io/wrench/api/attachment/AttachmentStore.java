package io.wrench.api.attachment;

import io.wrench.shared.workorder.WorkOrderId;

import java.util.Optional;
import java.util.UUID;

/**
 * Where attachment bytes live. Keys are made here from the server's own ids, never from anything a
 * client sent, so no client path reaches a file system or a bucket.
 */
public interface AttachmentStore {

    void put(String key, byte[] content, String contentType);

    /** The bytes under the key; empty when there are none. */
    Optional<byte[]> get(String key);

    /** Only to take back bytes whose upload was refused after they were stored. */
    void delete(String key);

    static String key(WorkOrderId workOrderId, UUID attachmentId) {
        return "work-orders/" + workOrderId.value() + "/" + attachmentId;
    }
}
