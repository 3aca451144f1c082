package org.voxbeam.storage.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The S3 backend against a real S3-compatible server: list, read, put that never replaces. */
class S3LocationTest {
  @TempDir Path dir;

  private final S3Server server = S3Server.shared();

  /** Whether the server itself refuses to replace an object on {@code If-None-Match: *}. */
  @Test
  void theServerHonoursIfNoneMatchOnPut() {
    try (S3Client client = server.client()) {
      PutObjectRequest put =
          PutObjectRequest.builder()
              .bucket(S3Server.BUCKET)
              .key("conditional/object")
              .ifNoneMatch("*")
              .build();
      client.putObject(put, RequestBody.fromString("first"));
      S3Exception refused =
          assertThrows(
              S3Exception.class, () -> client.putObject(put, RequestBody.fromString("second")));
      assertEquals(412, refused.statusCode());
      assertEquals(
          "first",
          client
              .getObjectAsBytes(b -> b.bucket(S3Server.BUCKET).key("conditional/object"))
              .asUtf8String());
    }
  }

  @Test
  void aPutNeverReplacesAnObject() throws IOException {
    try (S3Location location = server.location("put-once")) {
      Path first = Files.writeString(dir.resolve("first"), "first");
      Path second = Files.writeString(dir.resolve("second"), "second");
      assertTrue(location.putIfAbsent("segments/seg-1.parquet", first));
      assertFalse(location.putIfAbsent("segments/seg-1.parquet", second));
      Path read = dir.resolve("read");
      assertTrue(location.read("segments/seg-1.parquet", read));
      assertEquals("first", Files.readString(read));
    }
  }

  @Test
  void listsNamesUnderAPrefixRelativeToTheStore() throws IOException {
    try (S3Location location = server.location("listing/deeper")) {
      Path file = Files.writeString(dir.resolve("f"), "x");
      location.putIfAbsent("segments/a", file);
      location.putIfAbsent("segments/b", file);
      location.putIfAbsent("blobs/sha256/ab/cd", file);
      assertEquals(
          List.of("segments/a", "segments/b"),
          location.list("segments/").stream().sorted().toList());
      assertFalse(location.read("segments/none", dir.resolve("none")));
    }
  }
}
