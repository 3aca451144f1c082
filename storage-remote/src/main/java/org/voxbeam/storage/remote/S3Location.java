package org.voxbeam.storage.remote;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A store location in an S3 bucket, or an S3-compatible server's, through the AWS SDK for Java v2
 * and its JDK-based HTTP client. A put is one {@code PutObject}, which S3 makes visible whole or
 * not at all; it is sent with {@code If-None-Match: *}, so a server that supports conditional
 * writes refuses to replace an object. One that ignores the header replaces it with the same bytes
 * (blobs are named by their content, segments uniquely), which is as good; a {@code HeadObject}
 * first saves sending a blob that is there already.
 */
final class S3Location implements RemoteLocation {
  /** HTTP 412: the object exists (If-None-Match); 409: a conditional write racing this one. */
  private static final int PRECONDITION_FAILED = 412;

  private static final int CONFLICT = 409;

  private final S3Client client;
  private final String bucket;
  private final String prefix;
  private final String described;

  /**
   * @param prefix the key prefix of the store, without a trailing {@code /}; empty for a bucket's
   *     root
   */
  S3Location(S3Client client, String bucket, String prefix) {
    this.client = client;
    this.bucket = bucket;
    this.prefix = prefix.isEmpty() ? "" : prefix + "/";
    this.described = "s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
  }

  /**
   * A client for {@code endpoint} (AWS's own when null) with path-style access for an S3-compatible
   * server, checksums sent only where an operation requires them (not every S3-compatible server
   * reads the SDK's streamed checksums).
   */
  static S3Client client(URI endpoint, Region region, AwsCredentialsProvider credentials) {
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .region(region)
            .credentialsProvider(credentials)
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    if (endpoint != null) {
      builder.endpointOverride(endpoint).forcePathStyle(true);
    }
    return builder.build();
  }

  @Override
  public List<RemoteObject> objects(String under) throws IOException {
    List<RemoteObject> objects = new ArrayList<>();
    try {
      ListObjectsV2Request request =
          ListObjectsV2Request.builder().bucket(bucket).prefix(prefix + under).build();
      for (S3Object object : client.listObjectsV2Paginator(request).contents()) {
        objects.add(
            new RemoteObject(
                object.key().substring(prefix.length()), object.size(), object.lastModified()));
      }
    } catch (SdkException e) {
      throw failure("list", under, e);
    }
    return objects;
  }

  @Override
  public void delete(String name) throws IOException {
    try {
      client.deleteObject(builder -> builder.bucket(bucket).key(prefix + name));
    } catch (SdkException e) {
      throw failure("delete", name, e);
    }
  }

  @Override
  public boolean read(String name, Path target) throws IOException {
    try (ResponseInputStream<GetObjectResponse> in =
        client.getObject(builder -> builder.bucket(bucket).key(prefix + name))) {
      Files.copy((InputStream) in, target, StandardCopyOption.REPLACE_EXISTING);
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (SdkException e) {
      throw failure("read", name, e);
    }
  }

  @Override
  public boolean putIfAbsent(String name, Path source) throws IOException {
    String key = prefix + name;
    try {
      if (exists(key)) {
        return false;
      }
      client.putObject(
          PutObjectRequest.builder().bucket(bucket).key(key).ifNoneMatch("*").build(),
          RequestBody.fromFile(source));
      return true;
    } catch (S3Exception e) {
      if (e.statusCode() == PRECONDITION_FAILED || e.statusCode() == CONFLICT) {
        return false;
      }
      throw failure("write", name, e);
    } catch (SdkException e) {
      throw failure("write", name, e);
    }
  }

  private boolean exists(String key) {
    try {
      client.headObject(HeadObjectRequest.builder().bucket(bucket).key(key).build());
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    }
  }

  private IOException failure(String operation, String name, SdkException e) {
    return new IOException(
        "cannot " + operation + " " + described + "/" + name + ": " + e.getMessage(), e);
  }

  @Override
  public String describe() {
    return described;
  }

  @Override
  public void close() {
    client.close();
  }
}
