package org.voxbeam.storage;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a store is, as a user writes it: a directory path, or a {@code file:} URI. Any other URI
 * scheme ({@code s3://bucket/x}, {@code gs://…}, {@code hdfs://…}) names a store VoxBeam cannot
 * open yet and is refused, rather than taken for a relative directory named {@code s3:}.
 */
public final class StoreAddress {
  private static final Pattern URI_SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://");

  private StoreAddress() {}

  /**
   * The directory {@code location} names.
   *
   * @throws StoreException if it is a URI of a scheme other than {@code file}, or not a path
   */
  public static Path directory(String location) {
    Matcher uri = URI_SCHEME.matcher(location);
    boolean fileUri = location.toLowerCase(Locale.ROOT).startsWith("file:");
    if (uri.find() && !fileUri) {
      throw new StoreException(
          "store "
              + location
              + ": stores behind '"
              + uri.group(1).toLowerCase(Locale.ROOT)
              + "://' URIs are not supported yet; give a directory (a path or a file:// URI),"
              + " on a shared filesystem for a cluster");
    }
    try {
      return fileUri ? Path.of(URI.create(location)) : Path.of(location);
    } catch (IllegalArgumentException e) {
      throw new StoreException("store " + location + " is not a directory name: " + e.getMessage());
    }
  }
}
