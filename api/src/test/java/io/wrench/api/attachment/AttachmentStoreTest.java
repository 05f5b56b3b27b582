package io.wrench.api.attachment;

import io.wrench.shared.workorder.WorkOrderId;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Both stores keep the same promises: what was put is got back byte for byte, an unknown key is empty,
 * a refused upload's bytes can be taken back. The S3 store talks to a real S3-compatible server
 * (S3Mock) through the AWS SDK, as it talks to MinIO or AWS S3 in production.
 */
class AttachmentStoreTest {

    private static S3MockServer s3mock;

    @TempDir
    Path directory;

    @BeforeAll
    static void startS3() throws Exception {
        s3mock = S3MockServer.start();
    }

    @AfterAll
    static void stopS3() {
        if (s3mock != null) {
            s3mock.close();
        }
    }

    @Test
    void the_file_system_store_keeps_its_promises() {
        keepsItsPromises(new FileSystemAttachmentStore(directory));
    }

    @Test
    void the_s3_store_keeps_its_promises_against_an_s3_compatible_server() {
        AttachmentProperties.S3 settings = new AttachmentProperties.S3();
        settings.setEndpoint(s3mock.endpoint);
        settings.setBucket("wrench-" + UUID.randomUUID());
        settings.setAccessKey("test");
        settings.setSecretKey("test");
        try (S3Client client = AttachmentConfig.s3Client(settings)) {
            S3AttachmentStore store = new S3AttachmentStore(client, settings.getBucket());
            store.createBucketIfMissing();
            store.createBucketIfMissing();
            keepsItsPromises(store);
            assertThat(client.listObjectsV2(r -> r.bucket(settings.getBucket())).contents())
                    .allSatisfy(object -> assertThat(object.key()).startsWith("work-orders/"));
        }
    }

    @Test
    void the_file_system_store_takes_only_its_own_keys() {
        FileSystemAttachmentStore store = new FileSystemAttachmentStore(directory);
        assertThatThrownBy(() -> store.put("work-orders/../../etc/passwd", new byte[1], "image/png"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.get("/etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        String key = AttachmentStore.key(WorkOrderId.random(), UUID.randomUUID());
        store.put(key, new byte[]{1, 2, 3}, "image/png");
        assertThat(store.fileOf(key)).startsWith(directory.toAbsolutePath()).exists();
        try (var files = Files.list(store.fileOf(key).getParent())) {
            assertThat(files).as("no partial upload left behind").hasSize(1);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void keepsItsPromises(AttachmentStore store) {
        WorkOrderId workOrder = WorkOrderId.random();
        String key = AttachmentStore.key(workOrder, UUID.randomUUID());
        byte[] photo = Samples.jpeg(64, 48);

        assertThat(store.get(key)).isEmpty();
        store.put(key, photo, "image/jpeg");
        assertThat(store.get(key)).hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(photo));

        String other = AttachmentStore.key(workOrder, UUID.randomUUID());
        store.put(other, Samples.pdf("x"), "application/pdf");
        store.delete(other);
        assertThat(store.get(other)).isEmpty();
        assertThat(store.get(key)).isPresent();
    }
}
