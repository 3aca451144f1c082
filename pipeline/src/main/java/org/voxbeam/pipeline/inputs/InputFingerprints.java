package org.voxbeam.pipeline.inputs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.voxbeam.kernel.io.InputSource;
import org.voxbeam.kernel.io.InputSources;
import org.voxbeam.kernel.json.PythonStringOrder;
import org.voxbeam.kernel.node.Sha256;
import org.voxbeam.kernel.store.RecordedInput;
import org.voxbeam.kernel.store.RecordedInput.FileStat;
import org.voxbeam.kernel.store.RecordedInput.Kind;

/**
 * Fingerprints of what nodes read outside the store: the SHA-256 of a file's bytes, or of a
 * directory's sorted entry names. Used both to record what a node read and to check, on a later
 * run, whether a stored result's recorded inputs still hold.
 *
 * <p><b>Pre-check.</b> Hashing is what costs, so a fingerprint carries the file's size,
 * modification time and file key ({@link FileStat}) when they can vouch for the content: if all
 * three are unchanged, the file is taken as unchanged without reading it. They are kept only for a
 * file last modified more than {@link #RACY_NANOS} before it was hashed, and unchanged across the
 * hashing, because a change within the file system's clock granularity may leave the time as it was
 * (git's "racy" case); such a file is hashed again on each check until it has aged. A listing of
 * one directory is pre-checked the same way with the directory's own stat (adding, removing or
 * renaming an entry changes it); a listing of a whole tree is always listed again.
 *
 * <p>The hashes of files are also kept in memory, by path and stat, so a file that many nodes read,
 * or that a server's runs check again and again, is hashed once while it is unchanged. Thread-safe;
 * {@link #shared()} is the instance of this JVM.
 *
 * <p><b>Remote inputs</b> ({@code s3://}, {@code hdfs://}) are fingerprinted alike through the
 * {@link InputSource} registered for their scheme, recorded under their URI: the content's SHA-256,
 * and as the pre-check the object's size, modification time and tag (S3's ETag, kept as the file
 * key; HDFS has none). A tag is derived from the content, so it vouches at once; an untagged
 * version only once it has aged, as a local file's stat. Remote listings are listed again on every
 * check. An input whose scheme has no source in this JVM, or whose backend cannot be reached, does
 * not match: the result is computed again, and the computing node reports the failure.
 */
public final class InputFingerprints {
  /** How long before hashing a file must have been modified for its stat to be trusted. */
  static final long RACY_NANOS = TimeUnit.SECONDS.toNanos(2);

  private static final InputFingerprints SHARED = new InputFingerprints(Clock.systemUTC());

  private final Clock clock;
  private final ConcurrentHashMap<Path, Hashed> hashedFiles = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Hashed> hashedObjects = new ConcurrentHashMap<>();
  private final AtomicLong filesHashed = new AtomicLong();

  /**
   * @param clock when files are hashed, to tell which stats can be trusted
   */
  public InputFingerprints(Clock clock) {
    this.clock = clock;
  }

  /** The fingerprints of this JVM, shared by every run and worker in it. */
  public static InputFingerprints shared() {
    return SHARED;
  }

  /** How many times a file's content was hashed: what the pre-check and the memory saved. */
  public long filesHashed() {
    return filesHashed.get();
  }

  /** The fingerprint {@code file} has now; absent if it is not a readable regular file. */
  public RecordedInput file(Path file) {
    Optional<FileStat> before = stat(file, false);
    if (before.isEmpty()) {
      return absent(Kind.FILE, file);
    }
    Path key = file.toAbsolutePath().normalize();
    Hashed known = hashedFiles.get(key);
    if (known != null && known.stat().equals(before.get())) {
      return new RecordedInput(Kind.FILE, file.toString(), Optional.of(known.sha256()), before);
    }
    long started = nowNanos();
    Optional<String> sha256 = hash(file);
    if (sha256.isEmpty()) {
      return absent(Kind.FILE, file);
    }
    Optional<FileStat> trusted = trusted(before, stat(file, false), started);
    trusted.ifPresent(stat -> hashedFiles.put(key, new Hashed(stat, sha256.get())));
    return new RecordedInput(Kind.FILE, file.toString(), sha256, trusted);
  }

  /**
   * The fingerprint of {@code directory}'s listing now: its direct entries, or with {@code tree}
   * every entry below it; absent if it is not a directory.
   */
  public RecordedInput listing(Path directory, boolean tree) {
    Kind kind = tree ? Kind.TREE : Kind.LISTING;
    Optional<FileStat> before = stat(directory, true);
    if (before.isEmpty()) {
      return absent(kind, directory);
    }
    long started = nowNanos();
    Optional<String> sha256 = listingHash(directory, tree);
    if (sha256.isEmpty()) {
      return absent(kind, directory);
    }
    Optional<FileStat> trusted =
        tree ? Optional.empty() : trusted(before, stat(directory, true), started);
    return new RecordedInput(kind, directory.toString(), sha256, trusted);
  }

  /**
   * The fingerprint the remote object {@code object} has now; absent if there is none, or it cannot
   * be reached (the operator reading it then reports why).
   */
  public RecordedInput remoteFile(URI object) {
    try {
      return remoteFileNow(object);
    } catch (IOException | UncheckedIOException e) {
      return absent(Kind.FILE, object.toString());
    }
  }

  /**
   * The fingerprint of the remote folder {@code folder}'s listing now: its direct entries, or with
   * {@code tree} every entry below it; absent if nothing lies below it, or it cannot be reached.
   */
  public RecordedInput remoteListing(URI folder, boolean tree) {
    try {
      return remoteListingNow(folder, tree);
    } catch (IOException | UncheckedIOException e) {
      return absent(tree ? Kind.TREE : Kind.LISTING, folder.toString());
    }
  }

  private RecordedInput remoteFileNow(URI object) throws IOException {
    String name = object.toString();
    InputSource source = source(object);
    Optional<FileStat> before = source.version(object).map(InputFingerprints::asStat);
    if (before.isEmpty()) {
      return absent(Kind.FILE, name);
    }
    Hashed known = hashedObjects.get(name);
    if (known != null && known.stat().equals(before.get())) {
      return new RecordedInput(Kind.FILE, name, Optional.of(known.sha256()), before);
    }
    long started = nowNanos();
    String sha256 = source.sha256(object).hex();
    filesHashed.incrementAndGet();
    Optional<FileStat> after = source.version(object).map(InputFingerprints::asStat);
    Optional<FileStat> trusted =
        before.get().fileKey().isEmpty()
            ? trusted(before, after, started)
            : before.filter(stat -> after.equals(before));
    trusted.ifPresent(stat -> hashedObjects.put(name, new Hashed(stat, sha256)));
    return new RecordedInput(Kind.FILE, name, Optional.of(sha256), trusted);
  }

  private RecordedInput remoteListingNow(URI folder, boolean tree) throws IOException {
    Kind kind = tree ? Kind.TREE : Kind.LISTING;
    return source(folder)
        .list(folder, tree)
        .map(
            names ->
                new RecordedInput(
                    kind, folder.toString(), Optional.of(namesHash(names)), Optional.empty()))
        .orElseGet(() -> absent(kind, folder.toString()));
  }

  /** The source of {@code uri}'s scheme; an input no source reads is as unreachable. */
  private static InputSource source(URI uri) throws IOException {
    return InputSources.forUri(uri)
        .orElseThrow(() -> new IOException("no source reads " + uri.getScheme() + ":// inputs"));
  }

  /**
   * Whether the file system still matches {@code recorded}: by the pre-check when the recorded stat
   * is unchanged, else by hashing or listing again.
   *
   * @throws IllegalArgumentException for an {@link Kind#ITEM}, which only the fan-out that has the
   *     item can check
   */
  public boolean matches(RecordedInput recorded) {
    if (recorded.kind() == Kind.ITEM) {
      throw new IllegalArgumentException(
          "an item input is checked against the item, not the file system");
    }
    Optional<URI> remote = remoteName(recorded.path());
    if (remote.isPresent()) {
      return matchesRemote(recorded, remote.get());
    }
    Path path = Path.of(recorded.path());
    boolean directory = recorded.kind() != Kind.FILE;
    Optional<FileStat> now = stat(path, directory);
    if (recorded.sha256().isEmpty() || now.isEmpty()) {
      return recorded.sha256().isEmpty() && now.isEmpty();
    }
    if (recorded.stat().isPresent() && recorded.stat().equals(now)) {
      return true;
    }
    RecordedInput current =
        switch (recorded.kind()) {
          case FILE -> file(path);
          case LISTING -> listing(path, false);
          case TREE -> listing(path, true);
          case ITEM -> throw new AssertionError(recorded);
        };
    return current.sha256().equals(recorded.sha256());
  }

  /**
   * {@link #matches} for an input recorded under a remote URI; one that cannot be reached does not
   * match, even if it was recorded absent.
   */
  private boolean matchesRemote(RecordedInput recorded, URI uri) {
    try {
      if (recorded.kind() == Kind.FILE && recorded.stat().isPresent()) {
        Optional<FileStat> now = source(uri).version(uri).map(InputFingerprints::asStat);
        if (now.equals(recorded.stat())) {
          return true;
        }
      }
      RecordedInput current =
          switch (recorded.kind()) {
            case FILE -> remoteFileNow(uri);
            case LISTING -> remoteListingNow(uri, false);
            case TREE -> remoteListingNow(uri, true);
            case ITEM -> throw new AssertionError(recorded);
          };
      return current.sha256().equals(recorded.sha256());
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  private static Optional<URI> remoteName(String path) {
    try {
      return InputSources.remote(path);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** A remote version as the stat a recorded input keeps: the tag takes the file key's place. */
  private static FileStat asStat(InputSource.Version version) {
    return new FileStat(version.size(), version.modifiedNanos(), version.tag());
  }

  private Optional<FileStat> trusted(
      Optional<FileStat> before, Optional<FileStat> after, long hashedAt) {
    if (after.isEmpty()
        || !after.equals(before)
        || before.get().modifiedNanos() > hashedAt - RACY_NANOS) {
      return Optional.empty();
    }
    return before;
  }

  private long nowNanos() {
    return TimeUnit.MILLISECONDS.toNanos(clock.millis());
  }

  private static RecordedInput absent(Kind kind, Path path) {
    return absent(kind, path.toString());
  }

  private static RecordedInput absent(Kind kind, String path) {
    return new RecordedInput(kind, path, Optional.empty(), Optional.empty());
  }

  /** The stat of a regular file (or, with {@code directory}, of a directory), following links. */
  private static Optional<FileStat> stat(Path path, boolean directory) {
    BasicFileAttributes attributes;
    try {
      attributes = Files.readAttributes(path, BasicFileAttributes.class);
    } catch (IOException | UnsupportedOperationException e) {
      return Optional.empty();
    }
    if (directory ? !attributes.isDirectory() : !attributes.isRegularFile()) {
      return Optional.empty();
    }
    Object key = attributes.fileKey();
    return Optional.of(
        new FileStat(
            attributes.size(),
            attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS),
            key == null ? "" : key.toString()));
  }

  private Optional<String> hash(Path file) {
    String hex;
    try {
      hex = Sha256.ofFile(file).hex();
    } catch (IOException e) {
      return Optional.empty();
    }
    filesHashed.incrementAndGet();
    return Optional.of(hex);
  }

  /** SHA-256 of the entry names in code-point order, each followed by a NUL, as UTF-8. */
  private static Optional<String> listingHash(Path directory, boolean tree) {
    List<String> names = new ArrayList<>();
    try (Stream<Path> entries = tree ? Files.walk(directory) : Files.list(directory)) {
      entries.forEach(
          entry -> {
            if (!entry.equals(directory)) {
              names.add(slashSeparated(directory.relativize(entry)));
            }
          });
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    }
    return Optional.of(namesHash(names));
  }

  /** SHA-256 of {@code names} in code-point order, each followed by a NUL, as UTF-8. */
  private static String namesHash(List<String> unsorted) {
    List<String> names = new ArrayList<>(unsorted);
    names.sort(PythonStringOrder.INSTANCE);
    MessageDigest digest = Sha256.digest();
    for (String name : names) {
      digest.update(name.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) 0);
    }
    return Sha256.hex(digest);
  }

  private static String slashSeparated(Path relative) {
    StringBuilder text = new StringBuilder();
    for (Path name : relative) {
      text.append(text.length() == 0 ? "" : "/").append(name);
    }
    return text.toString();
  }

  /** A file's hash, valid while its stat is unchanged. */
  private record Hashed(FileStat stat, String sha256) {}
}
