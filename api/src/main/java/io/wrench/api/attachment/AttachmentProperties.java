package io.wrench.api.attachment;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.nio.file.Path;

/** Attachments: where the bytes go and what an upload may be. */
@ConfigurationProperties("wrench.attachments")
public class AttachmentProperties {

    public enum Store { FILESYSTEM, S3 }

    /** FILESYSTEM (a directory, the embedded default) or S3 (an S3-compatible object store: AWS S3, MinIO). */
    private Store store = Store.FILESYSTEM;
    /** The directory of the FILESYSTEM store. */
    private Path directory = Path.of("data", "attachments");
    /** Largest file one upload may be (413 beyond). Keep spring.servlet.multipart.max-file-size above it. */
    private long maxFileBytes = 10L * 1024 * 1024;
    /** Longest side an image may have, in pixels (413 beyond: a decompression bomb is refused by its header). */
    private int maxImageSide = 10_000;
    /** Most pixels an image may have (width × height). */
    private long maxImagePixels = 40_000_000L;
    /** Most pages a PDF may have. */
    private int maxPdfPages = 500;
    /** Longest side of a thumbnail, in pixels. */
    private int thumbnailSize = 256;
    private final S3 s3 = new S3();

    public Store getStore() { return store; }
    public void setStore(Store store) { this.store = store; }
    public Path getDirectory() { return directory; }
    public void setDirectory(Path directory) { this.directory = directory; }
    public long getMaxFileBytes() { return maxFileBytes; }
    public void setMaxFileBytes(long maxFileBytes) { this.maxFileBytes = maxFileBytes; }
    public int getMaxImageSide() { return maxImageSide; }
    public void setMaxImageSide(int maxImageSide) { this.maxImageSide = maxImageSide; }
    public long getMaxImagePixels() { return maxImagePixels; }
    public void setMaxImagePixels(long maxImagePixels) { this.maxImagePixels = maxImagePixels; }
    public int getMaxPdfPages() { return maxPdfPages; }
    public void setMaxPdfPages(int maxPdfPages) { this.maxPdfPages = maxPdfPages; }
    public int getThumbnailSize() { return thumbnailSize; }
    public void setThumbnailSize(int thumbnailSize) { this.thumbnailSize = thumbnailSize; }
    public S3 getS3() { return s3; }

    public static class S3 {
        /** The object store's URL (MinIO: http://minio:9000); empty means AWS S3 of the region. */
        private URI endpoint;
        /** The region (MinIO accepts any). */
        private String region = "us-east-1";
        /** The bucket. */
        private String bucket = "wrench-attachments";
        /** Path-style URLs (bucket in the path, as MinIO wants) instead of virtual-hosted ones. */
        private boolean pathStyle = true;
        /** The access key; empty means the AWS SDK's default credential chain (environment, profile, role). */
        private String accessKey;
        /** The secret key that goes with access-key. */
        private String secretKey;
        /** Create the bucket at start-up when it does not exist. */
        private boolean createBucket = false;

        public URI getEndpoint() { return endpoint; }
        public void setEndpoint(URI endpoint) { this.endpoint = endpoint; }
        public String getRegion() { return region; }
        public void setRegion(String region) { this.region = region; }
        public String getBucket() { return bucket; }
        public void setBucket(String bucket) { this.bucket = bucket; }
        public boolean isPathStyle() { return pathStyle; }
        public void setPathStyle(boolean pathStyle) { this.pathStyle = pathStyle; }
        public String getAccessKey() { return accessKey; }
        public void setAccessKey(String accessKey) { this.accessKey = accessKey; }
        public String getSecretKey() { return secretKey; }
        public void setSecretKey(String secretKey) { this.secretKey = secretKey; }
        public boolean isCreateBucket() { return createBucket; }
        public void setCreateBucket(boolean createBucket) { this.createBucket = createBucket; }
    }
}
