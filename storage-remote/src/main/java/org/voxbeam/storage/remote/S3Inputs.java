package org.voxbeam.storage.remote;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Program inputs in S3 buckets, or an S3-compatible server's, through the store's client ({@link
 * S3Location#client}): {@code s3://bucket/key} is the object {@code key} of {@code bucket}. A
 * folder is a key prefix ending in {@code /}; its entries are the objects below it and the prefixes
 * their keys imply (one {@code ListObjectsV2} with delimiter {@code /} for direct entries, without
 * one for a tree). An object's version is its size, modification time and ETag, which S3 derives
 * from the content and changes on every overwrite with other bytes.
 */
final class S3Inputs implements org.voxbeam.kernel.io.InputSource {
  private static final int NOT_FOUND = 404;

  private final Supplier<S3Client> factory;
  private S3Client client;

  /**
   * @param factory makes the client on first use (which is then kept), so a process that reads no
   *     {@code s3://} input needs no credentials; may throw a {@link
   *     org.voxbeam.storage.StoreException} saying what is missing
   */
  S3Inputs(Supplier<S3Client> factory) {
    this.factory = factory;
  }

  private synchronized S3Client client() throws IOException {
    if (client == null) {
      try {
        client = factory.get();
      } catch (RuntimeException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
    return client;
  }

  @Override
  public Optional<List<String>> list(URI folder, boolean recursive) throws IOException {
    String bucket = folder.getAuthority();
    String prefix = key(folder);
    if (!prefix.isEmpty() && !prefix.endsWith("/")) {
      prefix += "/";
    }
    Set<String> names = new TreeSet<>();
    try {
      ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket);
      request.prefix(prefix);
      if (!recursive) {
        request.delimiter("/");
      }
      for (ListObjectsV2Response page : client().listObjectsV2Paginator(request.build())) {
        for (S3Object object : page.contents()) {
          add(names, object.key().substring(prefix.length()), recursive);
        }
        for (CommonPrefix common : page.commonPrefixes()) {
          add(names, common.prefix().substring(prefix.length()), recursive);
        }
      }
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (SdkException e) {
      throw failure("list", folder, e);
    }
    return names.isEmpty() ? Optional.empty() : Optional.of(new ArrayList<>(names));
  }

  /**
   * Adds {@code relative} and, in a tree, the folders its name implies; folder markers drop out.
   */
  private static void add(Set<String> names, String relative, boolean recursive) {
    String name = relative.replaceAll("/+$", "");
    if (name.isEmpty()) {
      return;
    }
    names.add(name);
    if (recursive) {
      for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
        names.add(name.substring(0, slash));
      }
    }
  }

  @Override
  public Optional<Version> version(URI object) throws IOException {
    String key = key(object);
    if (key.isEmpty() || key.endsWith("/")) {
      return Optional.empty();
    }
    try {
      HeadObjectResponse head =
          client().headObject(builder -> builder.bucket(object.getAuthority()).key(key));
      return Optional.of(
          new Version(
              head.contentLength(),
              TimeUnit.MILLISECONDS.toNanos(head.lastModified().toEpochMilli()),
              head.eTag() == null ? "" : "etag=" + head.eTag()));
    } catch (NoSuchKeyException e) {
      return Optional.empty();
    } catch (S3Exception e) {
      if (e.statusCode() == NOT_FOUND) {
        return Optional.empty();
      }
      throw failure("read", object, e);
    } catch (SdkException e) {
      throw failure("read", object, e);
    }
  }

  @Override
  public InputStream open(URI object) throws IOException {
    String key = key(object);
    try {
      return client().getObject(builder -> builder.bucket(object.getAuthority()).key(key));
    } catch (NoSuchKeyException e) {
      throw new NoSuchFileException(object.toString());
    } catch (SdkException e) {
      throw failure("read", object, e);
    }
  }

  /** The key {@code uri} names: its path without the leading {@code /}. */
  private static String key(URI uri) {
    String path = uri.getPath() == null ? "" : uri.getPath();
    return path.startsWith("/") ? path.substring(1) : path;
  }

  private static IOException failure(String operation, URI uri, SdkException e) {
    String reason = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    return new IOException("cannot " + operation + " " + uri + ": " + reason, e);
  }
}
