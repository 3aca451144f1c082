package org.voxbeam.api.peer;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which VoxBeam servers a run asks for results before computing them, and how.
 *
 * @param peers each peer's base URL ({@code http://host:port}, optionally ending in the API prefix
 *     {@code /api/v1}); never with user information, so no credential is ever part of a URL that a
 *     log line might print
 * @param token the bearer token sent to every peer, if they need one; it goes only into the {@code
 *     Authorization} header
 * @param timeout how long a peer may take to connect and to answer a request (a blob download gets
 *     one more such time per 8 MiB); a peer that takes longer is skipped for the rest of the run
 */
public record PeerSettings(List<URI> peers, Optional<String> token, Duration timeout) {
  /** The timeout when none is configured. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  /** No peers: every miss is computed. */
  public static final PeerSettings NONE =
      new PeerSettings(List.of(), Optional.empty(), DEFAULT_TIMEOUT);

  public PeerSettings {
    peers = List.copyOf(peers);
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the peer timeout must be positive, got " + timeout);
    }
    for (URI peer : peers) {
      check(peer);
    }
  }

  /** The peers at {@code urls}, with the default timeout and no token. */
  public static PeerSettings of(List<URI> urls) {
    return new PeerSettings(urls, Optional.empty(), DEFAULT_TIMEOUT);
  }

  public PeerSettings withToken(Optional<String> bearer) {
    return new PeerSettings(peers, bearer, timeout);
  }

  public PeerSettings withTimeout(Duration limit) {
    return new PeerSettings(peers, token, limit);
  }

  public boolean isEmpty() {
    return peers.isEmpty();
  }

  /**
   * Checks that {@code peer} is a URL a peer can have.
   *
   * @throws IllegalArgumentException naming what is wrong with it
   */
  public static URI check(URI peer) {
    String scheme = peer.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException(
          "a peer is an http:// or https:// URL, got '" + peer.getScheme() + ":…'");
    }
    if (peer.getRawUserInfo() != null) {
      // The URL itself is not printed: it holds the credential.
      throw new IllegalArgumentException(
          "a peer URL must not hold a user or token (give the token as the peer token instead)");
    }
    if (peer.getHost() == null) {
      throw new IllegalArgumentException("peer URL " + peer + " has no host");
    }
    if (peer.getRawQuery() != null || peer.getRawFragment() != null) {
      throw new IllegalArgumentException("peer URL " + peer + " must not have a query or fragment");
    }
    return peer;
  }
}
