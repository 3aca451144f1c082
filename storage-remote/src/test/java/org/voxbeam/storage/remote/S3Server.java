package org.voxbeam.storage.remote;

import com.adobe.testing.s3mock.S3MockApplication;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * An S3-compatible server (S3Mock) in the test JVM on a free loopback port, with one bucket, and
 * clients for it with dummy static credentials.
 */
final class S3Server implements AutoCloseable {
  static final String BUCKET = "voxbeam-test";

  private final S3MockApplication server;

  private S3Server(S3MockApplication server) {
    this.server = server;
  }

  private static S3Server shared;

  /**
   * The server of this test JVM, started on first use (a Spring Boot start takes seconds) and
   * stopped when the JVM exits; each test class uses prefixes of its own.
   */
  static synchronized S3Server shared() {
    if (shared == null) {
      try {
        Path root = java.nio.file.Files.createTempDirectory("voxbeam-s3-");
        shared = start(root);
        Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    return shared;
  }

  static S3Server start(Path root) {
    // S3Mock is a Spring Boot application; the tests log through slf4j-simple, not Logback.
    System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
    // Hadoop's shaded client registers its relocated Woodstox as the StAX provider; S3Mock's XML
    // needs the real one, whose properties it sets.
    System.setProperty("javax.xml.stream.XMLInputFactory", "com.ctc.wstx.stax.WstxInputFactory");
    System.setProperty("javax.xml.stream.XMLOutputFactory", "com.ctc.wstx.stax.WstxOutputFactory");
    return new S3Server(
        S3MockApplication.start(
            // S3Mock removes the entries it has read from the map.
            new HashMap<>(
                Map.of(
                    S3MockApplication.PROP_HTTP_PORT,
                    S3MockApplication.RANDOM_PORT,
                    S3MockApplication.PROP_HTTPS_PORT,
                    S3MockApplication.RANDOM_PORT,
                    S3MockApplication.PROP_INITIAL_BUCKETS,
                    BUCKET,
                    S3MockApplication.PROP_ROOT_DIRECTORY,
                    root.toString(),
                    S3MockApplication.PROP_SILENT,
                    true,
                    "server.address",
                    "127.0.0.1",
                    "spring.main.banner-mode",
                    "off"))));
  }

  // S3Mock 4 marks its HTTP port's getter for removal, with no replacement for a plain-HTTP port
  // yet.
  @SuppressWarnings("removal")
  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getHttpPort());
  }

  S3Client client() {
    return S3TestClient.of(endpoint());
  }

  /** The store location {@code s3://voxbeam-test/<prefix>}. */
  S3Location location(String prefix) {
    return new S3Location(client(), BUCKET, prefix);
  }

  @Override
  public void close() {
    server.stop();
  }
}
