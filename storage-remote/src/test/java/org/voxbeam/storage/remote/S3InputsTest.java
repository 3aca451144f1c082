package org.voxbeam.storage.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.io.InputSource;
import org.voxbeam.kernel.node.Sha256;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Program inputs read from a real S3-compatible server: listing, versions, content, failures. */
class S3InputsTest {
  private static final String ROOT = "s3://" + S3Server.BUCKET + "/inputs-test";
  private static final S3Server SERVER = S3Server.shared();
  private static S3Client client;

  private final S3Inputs inputs = new S3Inputs(SERVER::client);

  @BeforeAll
  static void upload() {
    client = SERVER.client();
    for (String key :
        List.of(
            "cases/case01/flair.nii.gz",
            "cases/case01/seg.nii.gz",
            "cases/case02/flair.nii.gz",
            "cases/readme.txt",
            "cases/empty-folder/")) {
      put(key, key.endsWith("/") ? "" : "content of " + key);
    }
  }

  private static void put(String key, String content) {
    client.putObject(
        builder -> builder.bucket(S3Server.BUCKET).key("inputs-test/" + key),
        RequestBody.fromString(content));
  }

  @Test
  void aFolderListsItsDirectEntriesOrItsWholeTree() throws IOException {
    URI cases = URI.create(ROOT + "/cases");
    assertEquals(
        List.of("case01", "case02", "empty-folder", "readme.txt"),
        inputs.list(cases, false).orElseThrow().stream().sorted().toList());
    assertEquals(
        List.of(
            "case01",
            "case01/flair.nii.gz",
            "case01/seg.nii.gz",
            "case02",
            "case02/flair.nii.gz",
            "empty-folder",
            "readme.txt"),
        inputs.list(URI.create(ROOT + "/cases/"), true).orElseThrow().stream().sorted().toList());
    assertTrue(inputs.list(URI.create(ROOT + "/no-such-folder"), false).isEmpty());
  }

  @Test
  void anObjectIsReadAsAStreamAndHashedAsItsBytes() throws IOException {
    URI flair = URI.create(ROOT + "/cases/case01/flair.nii.gz");
    byte[] expected = "content of cases/case01/flair.nii.gz".getBytes(StandardCharsets.UTF_8);
    try (InputStream in = inputs.open(flair)) {
      assertArrayEquals(expected, in.readAllBytes());
    }
    Sha256.Measured hash = inputs.sha256(flair);
    assertEquals(Sha256.of(expected), hash.hex());
    assertEquals(expected.length, hash.size());
    InputSource.Version version = inputs.version(flair).orElseThrow();
    assertEquals(expected.length, version.size());
    assertTrue(version.tag().startsWith("etag="), version.tag());
  }

  @Test
  void anOverwriteWithOtherBytesChangesTheVersionAndTheSameBytesKeepTheTag() throws IOException {
    URI object = URI.create(ROOT + "/overwritten.txt");
    put("overwritten.txt", "first");
    InputSource.Version first = inputs.version(object).orElseThrow();
    put("overwritten.txt", "other");
    InputSource.Version other = inputs.version(object).orElseThrow();
    assertEquals(first.size(), other.size());
    assertNotEquals(first.tag(), other.tag());
    put("overwritten.txt", "other");
    assertEquals(other.tag(), inputs.version(object).orElseThrow().tag());
  }

  @Test
  void aMissingObjectIsAbsentAndOpeningItNamesIt() throws IOException {
    URI missing = URI.create(ROOT + "/cases/case09/flair.nii.gz");
    assertTrue(inputs.version(missing).isEmpty());
    assertTrue(inputs.version(URI.create(ROOT + "/cases")).isEmpty());
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> inputs.open(missing));
    assertEquals(missing.toString(), e.getMessage());
  }

  @Test
  void anUnreachableEndpointIsAnIoErrorNamingTheUri() throws IOException {
    URI dead;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      dead = URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
    S3Inputs unreachable =
        new S3Inputs(
            () -> S3Location.client(dead, Region.US_EAST_1, AnonymousCredentialsProvider.create()));
    URI object = URI.create(ROOT + "/cases/readme.txt");
    IOException e = assertThrows(IOException.class, () -> unreachable.open(object));
    assertTrue(e.getMessage().startsWith("cannot read " + object + ": "), e.getMessage());
    assertEquals(1, e.getMessage().lines().count());
    assertThrows(IOException.class, () -> unreachable.list(URI.create(ROOT + "/cases"), false));
  }
}
