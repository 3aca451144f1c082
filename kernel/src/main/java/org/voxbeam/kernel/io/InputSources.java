package org.voxbeam.kernel.io;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link InputSource}s of this JVM, by URI scheme, as Beam's {@code FileSystems} and the JDK's
 * installed file system providers are kept: operators and the recorded-input checks find the source
 * of an {@code s3://} or {@code hdfs://} name here, and the code that opens stores (the API, the
 * launcher) registers them, with the endpoint it was given. Registering a scheme again replaces its
 * source, so one endpoint per scheme serves a JVM at a time.
 *
 * <p>A name is remote when it starts with {@code s3://} or {@code hdfs://}, or the scheme of a
 * registered source; every other name (a path, a {@code file:} URI) is a local path as before.
 */
public final class InputSources {
  /** The schemes read remotely whether or not a source is registered (else a clear error). */
  private static final Set<String> REMOTE_SCHEMES = Set.of("s3", "hdfs");

  private static final Map<String, InputSource> SOURCES = new ConcurrentHashMap<>();

  private InputSources() {}

  /** Makes {@code source} the one that reads {@code scheme}'s URIs in this JVM. */
  public static void register(String scheme, InputSource source) {
    SOURCES.put(scheme.toLowerCase(Locale.ROOT), source);
  }

  /** The source registered for {@code uri}'s scheme. */
  public static Optional<InputSource> forUri(URI uri) {
    return uri.getScheme() == null
        ? Optional.empty()
        : Optional.ofNullable(SOURCES.get(uri.getScheme().toLowerCase(Locale.ROOT)));
  }

  /**
   * The URI {@code name} is, if it names a remote input; empty for a local path. A name with
   * characters a URI does not allow (a space in a key) is quoted, so the URI's {@code toString} is
   * the name a recorded input keeps and reads back.
   *
   * @throws IllegalArgumentException if it has a remote scheme but is not a URI of a host or bucket
   */
  public static Optional<URI> remote(String name) {
    int separator = name.indexOf("://");
    if (separator <= 0) {
      return Optional.empty();
    }
    String scheme = name.substring(0, separator).toLowerCase(Locale.ROOT);
    if (!REMOTE_SCHEMES.contains(scheme) && !SOURCES.containsKey(scheme)) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(name);
    } catch (URISyntaxException e) {
      uri = quoted(name, scheme, separator);
    }
    if (uri.getAuthority() == null || uri.getAuthority().isEmpty()) {
      throw new IllegalArgumentException(
          name + " names no " + (scheme.equals("s3") ? "bucket" : "host"));
    }
    return Optional.of(uri);
  }

  private static URI quoted(String name, String scheme, int separator) {
    String rest = name.substring(separator + 3);
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash);
    try {
      return new URI(scheme, authority, path, null, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(name + " is not a URI: " + e.getReason(), e);
    }
  }
}
