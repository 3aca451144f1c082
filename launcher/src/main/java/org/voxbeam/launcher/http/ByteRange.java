package org.voxbeam.launcher.http;

import java.util.Optional;

/**
 * One range of a {@code Range: bytes=...} request header, resolved against the content's length.
 * Only a single range is served; a list of ranges or a header in another unit is ignored (the whole
 * content is sent, as RFC 9110 allows).
 *
 * @param first the offset of the first byte
 * @param length how many bytes, at least one
 */
record ByteRange(long first, long length) {

  /** A well-formed range that selects no byte of the content: answered 416. */
  static final class UnsatisfiableException extends Exception {
    private static final long serialVersionUID = 1L;

    UnsatisfiableException(String message) {
      super(message);
    }
  }

  static Optional<ByteRange> parse(String header, long size) throws UnsatisfiableException {
    if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
      return Optional.empty();
    }
    String spec = header.substring("bytes=".length()).trim();
    int dash = spec.indexOf('-');
    if (dash < 0) {
      return Optional.empty();
    }
    String start = spec.substring(0, dash).trim();
    String end = spec.substring(dash + 1).trim();
    long first;
    long last;
    try {
      if (start.isEmpty()) {
        long suffix = Long.parseLong(end);
        if (suffix <= 0 || size == 0) {
          throw new UnsatisfiableException("no bytes in range " + spec);
        }
        first = Math.max(0, size - suffix);
        last = size - 1;
      } else {
        first = Long.parseLong(start);
        last = end.isEmpty() ? size - 1 : Math.min(Long.parseLong(end), size - 1);
        if (!end.isEmpty() && Long.parseLong(end) < first) {
          return Optional.empty();
        }
      }
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (first < 0 || first >= size) {
      throw new UnsatisfiableException("range " + spec + " starts past the end");
    }
    return Optional.of(new ByteRange(first, last - first + 1));
  }
}
