package org.voxbeam.launcher;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.voxbeam.api.InvalidInputException;
import org.voxbeam.api.RemoteInputs;
import picocli.CommandLine.Option;

/**
 * Where a run may read program inputs named by {@code s3://} and {@code hdfs://} URIs ({@code dir},
 * {@code load}, {@code ReadImage}): only under a prefix given by {@code --input-root}, and {@code
 * s3://} from {@code --input-endpoint}, which defaults to the store's {@code --store-endpoint} so
 * that one S3-compatible server needs one flag.
 */
final class InputOptions {
  @Option(
      names = "--input-root",
      paramLabel = "URI",
      split = ",",
      description =
          "An s3://bucket/prefix or hdfs://host:port/path under which programs may read inputs;"
              + " repeatable or comma-separated (default: inputs.roots; none: no remote input).")
  List<String> roots = new ArrayList<>();

  @Option(
      names = "--input-endpoint",
      paramLabel = "URL",
      description =
          "The S3-compatible server s3:// inputs are read from, instead of AWS's own"
              + " (default: inputs.endpoint, else --store-endpoint).")
  String endpoint;

  /**
   * @param storeEndpoint the store's S3 endpoint, used when no input endpoint is given
   */
  RemoteInputs settings(Optional<String> storeEndpoint) {
    List<URI> uris = new ArrayList<>();
    for (String root : roots) {
      String text = root.strip();
      if (!text.isEmpty()) {
        uris.add(uri("--input-root", text));
      }
    }
    Optional<URI> s3Endpoint =
        Optional.ofNullable(endpoint)
            .map(given -> uri("--input-endpoint", given))
            .or(() -> storeEndpoint.map(given -> uri("--store-endpoint", given)));
    try {
      return new RemoteInputs(uris, s3Endpoint);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("--input-root: " + e.getMessage());
    }
  }

  private static URI uri(String option, String text) {
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw new InvalidInputException(
          option + " " + text + " is not a URI (" + e.getReason() + ")");
    }
  }
}
