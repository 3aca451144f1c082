package org.voxbeam.storage.remote;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The test S3-compatible server as a process of its own, for tests in modules whose classpath
 * cannot hold it (S3Mock's Spring Boot needs a newer Jackson than Beam's): started with this
 * module's test classpath (written to {@code target/s3-server.classpath} by the build), it prints
 * {@code s3 http://127.0.0.1:PORT} once it listens and serves until its standard input closes.
 *
 * <p>Arguments: the directory the server keeps its objects in.
 */
public final class S3ServerMain {
  private S3ServerMain() {}

  public static void main(String[] args) throws IOException {
    try (S3Server server = S3Server.start(Path.of(args[0]))) {
      System.out.println("s3 " + server.endpoint());
      System.out.flush();
      while (System.in.read() != -1) {
        // Serve until the parent closes the pipe or dies.
      }
    }
  }
}
