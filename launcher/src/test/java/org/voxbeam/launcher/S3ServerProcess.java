package org.voxbeam.launcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-compatible server (S3Mock, from the storage-remote module's test classpath) in a process of
 * its own, since its Spring Boot cannot share the launcher's classpath; started once per test JVM
 * on first use, with one bucket, and stopped when the JVM exits. Test classes use prefixes of their
 * own and set the AWS SDK's credential properties while they run ({@link #useCredentials}).
 */
final class S3ServerProcess {
  static final String BUCKET = "voxbeam-test";

  /** Where the storage-remote module's build leaves its test classes and their classpath. */
  private static final Path REMOTE_MODULE_TARGET =
      Path.of(System.getProperty("voxbeam.storageRemoteTarget", "../storage-remote/target"));

  private static URI endpoint;

  private S3ServerProcess() {}

  /** The server's endpoint, starting it on first use. */
  static synchronized URI endpoint() {
    if (endpoint == null) {
      try {
        endpoint = start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return endpoint;
  }

  private static URI start() throws IOException {
    Path classpathFile = REMOTE_MODULE_TARGET.resolve("s3-server.classpath");
    assertTrue(
        Files.isRegularFile(classpathFile),
        "build the storage-remote module's tests first (its test classpath is not at "
            + classpathFile.toAbsolutePath()
            + ")");
    String classpath =
        String.join(
            java.io.File.pathSeparator,
            REMOTE_MODULE_TARGET.resolve("test-classes").toString(),
            REMOTE_MODULE_TARGET.resolve("classes").toString(),
            Files.readString(classpathFile).strip());
    Path root = Files.createTempDirectory("voxbeam-s3-process-");
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process server =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                classpath,
                "org.voxbeam.storage.remote.S3ServerMain",
                root.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.destroy();
                  try {
                    server.waitFor(30, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }));
    BufferedReader out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    try {
      return URI.create(
          CompletableFuture.supplyAsync(() -> announced(out)).get(120, TimeUnit.SECONDS));
    } catch (Exception e) {
      server.destroy();
      throw new AssertionError("the S3 server did not start", e);
    }
  }

  private static String announced(BufferedReader out) {
    try {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("s3 ")) {
          return line.substring(3).strip();
        }
      }
      throw new AssertionError("the S3 server exited before it listened");
    } catch (IOException e) {
      throw new AssertionError("cannot read the S3 server's output", e);
    }
  }

  /**
   * Sets (with {@code true}) or clears the system properties through which the CLI finds
   * credentials and region as the AWS SDK does; S3Mock accepts any.
   */
  static void useCredentials(boolean set) {
    if (set) {
      System.setProperty("aws.accessKeyId", "dummy-key");
      System.setProperty("aws.secretAccessKey", "dummy-secret");
      System.setProperty("aws.region", "us-east-1");
    } else {
      System.clearProperty("aws.accessKeyId");
      System.clearProperty("aws.secretAccessKey");
      System.clearProperty("aws.region");
    }
  }

  /** A client of the server, for tests that put objects themselves. */
  static S3Client client() {
    return S3Client.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create("dummy-key", "dummy-secret")))
        .endpointOverride(endpoint())
        .forcePathStyle(true)
        .build();
  }
}
