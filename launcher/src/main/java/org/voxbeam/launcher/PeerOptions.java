package org.voxbeam.launcher;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.voxbeam.api.InvalidInputException;
import org.voxbeam.api.peer.PeerSettings;
import org.voxbeam.launcher.config.Quantities;
import picocli.CommandLine.Option;

/**
 * The VoxBeam servers a run asks for results before computing them ({@code run} and {@code serve}
 * share it as a mixin). The token is an option of its own, never part of a peer's URL, so that the
 * URLs can be logged; like the server's own {@code --token}, it is better given through the
 * configuration file or the environment than on a command line that other users may list.
 */
final class PeerOptions {
  @Option(
      names = "--peer",
      paramLabel = "URL",
      split = ",",
      description =
          "A VoxBeam server (http://host:port) to ask for a result before computing it;"
              + " repeatable or comma-separated, asked in order (default: peer.urls).")
  List<String> peers = new ArrayList<>();

  @Option(
      names = "--peer-token",
      paramLabel = "TOKEN",
      description =
          "Bearer token sent to the peers (default: peer.token or $VOXBEAM_PEER_TOKEN; none if unset).")
  String token;

  @Option(
      names = "--peer-timeout",
      paramLabel = "DURATION",
      defaultValue = "2s",
      converter = Quantities.DurationConverter.class,
      description =
          "How long a peer may take to connect or answer before it is skipped for the rest of the"
              + " run (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  PeerSettings settings() {
    List<URI> urls = new ArrayList<>();
    for (String peer : peers) {
      String text = peer.strip();
      if (text.isEmpty()) {
        continue;
      }
      try {
        urls.add(PeerSettings.check(new URI(text)));
      } catch (URISyntaxException e) {
        throw new InvalidInputException("--peer: not a URL (" + e.getReason() + ")");
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException("--peer: " + e.getMessage());
      }
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new InvalidInputException("--peer-timeout must be positive, got " + timeout);
    }
    Optional<String> bearer =
        token == null || token.isBlank() ? Optional.empty() : Optional.of(token);
    return new PeerSettings(urls, bearer, timeout);
  }
}
