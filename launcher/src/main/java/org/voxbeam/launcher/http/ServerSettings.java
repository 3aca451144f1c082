package org.voxbeam.launcher.http;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the HTTP server listens and what it allows.
 *
 * @param host the address to bind; loopback unless an operator opens it deliberately
 * @param port the TCP port, 0 for any free port
 * @param token when present, every request but {@code /health} must carry it as a bearer token
 * @param maxBodyBytes the largest request body accepted
 * @param maxPageSize the largest {@code limit} a paging request may ask for
 * @param dataRoots the only directories a run may write {@code save} goals into
 */
public record ServerSettings(
    String host,
    int port,
    Optional<String> token,
    long maxBodyBytes,
    int maxPageSize,
    List<Path> dataRoots) {

  public ServerSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(token, "token");
    dataRoots = List.copyOf(dataRoots);
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
    }
    if (maxBodyBytes < 1 || maxPageSize < 1) {
      throw new IllegalArgumentException("body and page limits must be positive");
    }
  }

  /** Loopback on {@code port}, no token, 1 MB bodies, pages of at most 1000 items. */
  public static ServerSettings loopback(int port) {
    return new ServerSettings("127.0.0.1", port, Optional.empty(), 1 << 20, 1000, List.of());
  }

  public ServerSettings withToken(String value) {
    return new ServerSettings(host, port, Optional.of(value), maxBodyBytes, maxPageSize, dataRoots);
  }

  public ServerSettings withDataRoots(List<Path> roots) {
    return new ServerSettings(host, port, token, maxBodyBytes, maxPageSize, roots);
  }
}
