package org.voxbeam.kernel.io;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * New files created the way the rest of the process creates them: with the mode the umask allows
 * (0666 less the umask on Unix), so that a team sharing a store or an output folder can read what
 * each member writes. {@link Files#createTempFile} always creates mode 0600, whatever the umask,
 * which is right for private scratch files and wrong for anything that stays.
 */
public final class NewFiles {
  private static final int ATTEMPTS = 100;
  private static final int MILLIS_DIGITS = 13;

  private NewFiles() {}

  /**
   * Creates an empty file named {@code prefix + random + suffix} in {@code directory}, which must
   * exist; the name is new (the file did not exist before).
   *
   * @throws IOException if it cannot be created
   */
  public static Path createUnique(Path directory, String prefix, String suffix) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path candidate =
          directory.resolve(
              prefix + Long.toHexString(ThreadLocalRandom.current().nextLong()) + suffix);
      try {
        return Files.createFile(candidate);
      } catch (FileAlreadyExistsException taken) {
        if (attempt >= ATTEMPTS) {
          throw taken;
        }
      }
    }
  }

  /**
   * A file name that sorts by time and is unique across processes and machines: {@code prefix},
   * {@code millis} in 13 digits, a dash, 16 random hex digits and {@code suffix}, as run records
   * and access logs are named.
   */
  public static String timeOrderedName(String prefix, long millis, String suffix) {
    String digits = Long.toString(millis);
    return prefix
        + "0".repeat(Math.max(0, MILLIS_DIGITS - digits.length()))
        + digits
        + "-"
        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong())
        + suffix;
  }

  /**
   * Gives {@code file} the permissions a file newly created in its directory gets, for files a
   * library wrote through {@link Files#createTempFile} (the image codecs write a temporary file and
   * move it into place). Does nothing where files have no POSIX permissions.
   *
   * @throws IOException if the permissions cannot be read or set
   */
  public static void matchUmask(Path file) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    Path parent = file.toAbsolutePath().getParent();
    Path probe = createUnique(parent, ".voxbeam-mode-", ".probe");
    Set<PosixFilePermission> fresh;
    try {
      fresh = Files.getPosixFilePermissions(probe);
    } finally {
      Files.deleteIfExists(probe);
    }
    if (!fresh.equals(view.readAttributes().permissions())) {
      view.setPermissions(fresh);
    }
  }
}
