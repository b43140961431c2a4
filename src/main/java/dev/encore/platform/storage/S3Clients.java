package dev.encore.platform.storage;

import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** Builds the S3 client of {@code encore.storage.s3.*}. */
final class S3Clients {

    /** How long opening a connection may take. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** The longest silence of the service in the middle of an answer. */
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(30);
    /** How long a request waits for a free connection when all of them are busy. */
    private static final Duration ACQUIRE_TIMEOUT = Duration.ofSeconds(10);

    private S3Clients() {
    }

    static S3Client create(StorageProperties.S3 settings) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                .credentialsProvider(credentials(settings))
                .httpClientBuilder(Apache5HttpClient.builder()
                        .maxConnections(settings.maxConnections())
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(SOCKET_TIMEOUT)
                        .connectionAcquisitionTimeout(ACQUIRE_TIMEOUT));
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(StorageProperties.S3 settings) {
        return settings.staticCredentials()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKeyId(),
                        settings.secretAccessKey()))
                : DefaultCredentialsProvider.builder().build();
    }
}
