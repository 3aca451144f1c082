package org.voxbeam.testkit;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The S3-compatible test server (S3Mock, with one bucket, {@value #BUCKET}) in a process of its
 * own, started from the storage-remote module's test classes and test classpath (which its build
 * writes to {@code target/s3-server.classpath}): S3Mock's Spring Boot needs a newer Jackson than
 * Beam's, so it cannot share a Beam test's classpath. It accepts any credentials; the process
 * serves until {@link #close} or until the test JVM dies. Test classes that only need a bucket
 * share one server per test JVM ({@link #shared}) under prefixes of their own, since each start
 * costs seconds.
 */
public final class S3ServerProcess implements AutoCloseable {
  /** The bucket the server starts with. */
  public static final String BUCKET = "voxbeam-test";

  private static final String MAIN = "org.voxbeam.storage.remote.S3ServerMain";

  private static S3ServerProcess shared;

  private final Process process;
  private final URI endpoint;

  private S3ServerProcess(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  /**
   * Starts the server, keeping its objects under {@code root}, and waits until it listens.
   *
   * @throws IllegalStateException if the storage-remote module's tests were not built, or the
   *     server did not start within two minutes
   */
  public static S3ServerProcess start(Path root) throws IOException {
    Path target =
        Path.of(System.getProperty("voxbeam.storageRemoteTarget", "../storage-remote/target"));
    Path classpathFile = target.resolve("s3-server.classpath");
    if (!Files.isRegularFile(classpathFile)) {
      throw new IllegalStateException(
          "build the storage-remote module's tests first (its test classpath is not at "
              + classpathFile.toAbsolutePath()
              + ")");
    }
    String classpath =
        String.join(
            File.pathSeparator,
            target.resolve("test-classes").toString(),
            target.resolve("classes").toString(),
            Files.readString(classpathFile).strip());
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                java.toString(), "-XX:TieredStopAtLevel=1", "-cp", classpath, MAIN, root.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    try {
      String announced =
          CompletableFuture.supplyAsync(() -> announced(out)).get(120, TimeUnit.SECONDS);
      return new S3ServerProcess(process, URI.create(announced));
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the S3 server started", e);
    } catch (ExecutionException | TimeoutException e) {
      process.destroyForcibly();
      throw new IllegalStateException("the S3 server did not start: " + e.getMessage(), e);
    }
  }

  /**
   * The server this test JVM shares, started on first use in a temporary directory and stopped when
   * the JVM exits.
   */
  public static synchronized S3ServerProcess shared() throws IOException {
    if (shared == null) {
      S3ServerProcess started = start(Files.createTempDirectory("voxbeam-s3-server-"));
      Runtime.getRuntime().addShutdownHook(new Thread(started::stopQuietly, "s3-server-stop"));
      shared = started;
    }
    return shared;
  }

  private void stopQuietly() {
    try {
      close();
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static String announced(BufferedReader out) {
    try {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("s3 ")) {
          return line.substring(3).strip();
        }
      }
      throw new IllegalStateException("the S3 server exited before it listened");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the S3 server's output", e);
    }
  }

  /** The server's URL, {@code http://127.0.0.1:PORT}. */
  public URI endpoint() {
    return endpoint;
  }

  /**
   * Sets the system properties through which the AWS SDK of this JVM finds credentials and a region
   * (the server accepts any), and returns them as environment variables for a child JVM.
   */
  public static Map<String, String> useDummyCredentials() {
    System.setProperty("aws.accessKeyId", "dummy-key");
    System.setProperty("aws.secretAccessKey", "dummy-secret");
    System.setProperty("aws.region", "us-east-1");
    return Map.of(
        "AWS_ACCESS_KEY_ID", "dummy-key",
        "AWS_SECRET_ACCESS_KEY", "dummy-secret",
        "AWS_REGION", "us-east-1");
  }

  /** Clears what {@link #useDummyCredentials} set. */
  public static void clearDummyCredentials() {
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
    System.clearProperty("aws.region");
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
