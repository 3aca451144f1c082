package org.voxbeam.storage.remote;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A client for an S3-compatible test server, built as the store builds its own ({@link
 * S3Location#client}) but with dummy static credentials: for tests of any module that put objects
 * into, or look into, the server's bucket (this module's test jar).
 */
public final class S3TestClient {
  private S3TestClient() {}

  /** A client of the server at {@code endpoint}; close it after use. */
  public static S3Client of(URI endpoint) {
    return S3Location.client(
        endpoint,
        Region.US_EAST_1,
        StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy-key", "dummy-secret")));
  }
}
