package io.wrench.api.attachment;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The attachment store that wrench.attachments.store names. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AttachmentProperties.class)
class AttachmentConfig {

    @Bean
    AttachmentStore attachmentStore(AttachmentProperties properties) {
        if (properties.getStore() == AttachmentProperties.Store.FILESYSTEM) {
            return new FileSystemAttachmentStore(properties.getDirectory());
        }
        S3AttachmentStore store = new S3AttachmentStore(s3Client(properties.getS3()), properties.getS3().getBucket());
        if (properties.getS3().isCreateBucket()) {
            store.createBucketIfMissing();
        }
        return store;
    }

    static S3Client s3Client(AttachmentProperties.S3 s3) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(s3.getRegion()))
                .forcePathStyle(s3.isPathStyle());
        if (s3.getEndpoint() != null) {
            builder.endpointOverride(s3.getEndpoint());
        }
        if (s3.getAccessKey() != null && !s3.getAccessKey().isBlank()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(s3.getAccessKey(), s3.getSecretKey())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }
}
