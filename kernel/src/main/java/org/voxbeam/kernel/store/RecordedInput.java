package org.voxbeam.kernel.store;

import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing outside the store that a result was computed from, with the fingerprint it had then:
 * the bytes of a file, the names in a directory, or, for an item of a {@code map}, the item's
 * value. Node ids say nothing about what a file holds, so a stored result is reused only while each
 * of its recorded inputs still has the recorded fingerprint (Bazel's action cache keeps input
 * digests for the same reason).
 *
 * @param kind what was read
 * @param path the file or directory as the operator opened it: a relative path is relative to the
 *     working directory of the run that checks it, as it was for the run that read it; empty for
 *     {@link Kind#ITEM}
 * @param sha256 64 lowercase hex digits: SHA-256 of the file's bytes, of the listing (see {@link
 *     Kind#LISTING}) or of the item's value; empty if the path did not exist, or was not a file (a
 *     directory) of the kind read
 * @param stat what the file system said about the path when it was hashed, kept only when it can
 *     stand in for hashing again (see {@link FileStat})
 */
public record RecordedInput(
    Kind kind, String path, Optional<String> sha256, Optional<FileStat> stat)
    implements Comparable<RecordedInput> {

  private static final Comparator<FileStat> STAT_ORDER =
      Comparator.comparingLong(FileStat::size)
          .thenComparingLong(FileStat::modifiedNanos)
          .thenComparing(FileStat::fileKey);

  private static final Comparator<RecordedInput> ORDER =
      Comparator.comparing(RecordedInput::kind)
          .thenComparing(RecordedInput::path)
          .thenComparing(input -> input.sha256().orElse(""))
          .thenComparing(input -> input.stat().orElse(null), Comparator.nullsFirst(STAT_ORDER));

  /** What an input is. */
  public enum Kind {
    /** The bytes of a regular file. */
    FILE("file"),
    /**
     * The names of a directory's entries: SHA-256 of the names in code-point order, each followed
     * by a NUL byte, UTF-8.
     */
    LISTING("listing"),
    /**
     * As {@link #LISTING}, for every entry below the directory at any depth, named by its path
     * relative to the directory with {@code /} separators.
     */
    TREE("tree"),
    /** The value a {@code map}, {@code for_loop} or {@code filter} item was computed from. */
    ITEM("item");

    private final String wireName;

    Kind(String wireName) {
      this.wireName = wireName;
    }

    /** The name stored in the {@code inputs.kind} column. */
    public String wireName() {
      return wireName;
    }

    /** The kind stored as {@code name}. */
    public static Optional<Kind> ofWireName(String name) {
      for (Kind kind : values()) {
        if (kind.wireName.equals(name)) {
          return Optional.of(kind);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * A cheap stand-in for a file's content: if the size, the modification time and the file key are
   * all unchanged, the content is taken to be unchanged and is not hashed again. Recorded only when
   * the file was last modified well before it was hashed (the "racy" case git guards against: a
   * change within the clock's granularity would not move the time).
   *
   * @param size bytes (for a directory, what the file system reports)
   * @param modifiedNanos last-modified time, nanoseconds since the epoch
   * @param fileKey the file system's identity of the file (device and inode on Unix), or empty
   *     where the platform has none
   */
  public record FileStat(long size, long modifiedNanos, String fileKey) {
    public FileStat {
      Objects.requireNonNull(fileKey, "fileKey");
    }
  }

  public RecordedInput {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(stat, "stat");
  }

  /** An item input: the digest of the value a fan-out item was computed from. */
  public static RecordedInput item(String sha256) {
    return new RecordedInput(Kind.ITEM, "", Optional.of(sha256), Optional.empty());
  }

  @Override
  public int compareTo(RecordedInput other) {
    return ORDER.compare(this, other);
  }
}
