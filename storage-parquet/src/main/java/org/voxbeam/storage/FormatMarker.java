package org.voxbeam.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.voxbeam.kernel.io.NewFiles;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.json.JsonInteger;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.json.JsonSyntaxException;
import org.voxbeam.kernel.json.JsonValue;

/**
 * The {@code voxbeam-store.json} file that makes a directory a store and says which version of the
 * format its files follow, so a newer VoxBeam can upgrade an older store and an older one refuses a
 * newer store instead of misreading it.
 *
 * <p>A store of an earlier version this one can read is upgraded when it is opened ({@link
 * StoreUpgrade}), under a lock so that processes opening it at once upgrade it once; the marker is
 * bumped last, so an interrupted upgrade resumes at the next open.
 */
final class FormatMarker {
  static final String FORMAT = "voxbeam-result-store";
  static final int VERSION = 6;

  private static final String UPGRADE_LOCK = "upgrade.lock";

  private FormatMarker() {}

  /** Creates the marker in a new or empty directory, or checks (and upgrades) the one there. */
  static void createOrCheck(StoreLayout layout) {
    if (Files.exists(layout.root()) && !Files.isDirectory(layout.root())) {
      throw new StoreException(layout.root() + " is a file, not a store directory");
    }
    try {
      Files.createDirectories(layout.root());
      if (!Files.exists(layout.marker())) {
        if (hasForeignContent(layout)) {
          throw new StoreException(layout.root() + " is not empty and is not a VoxBeam store");
        }
        write(layout);
      }
      checkOrUpgrade(layout);
    } catch (IOException e) {
      throw StoreException.io("open store at", layout.root(), e);
    }
  }

  /** Checks (and upgrades) the marker of a store that must exist already. */
  static void checkExisting(StoreLayout layout) {
    if (!Files.isDirectory(layout.root())) {
      throw new StoreException("no result store at " + layout.root() + " (a run creates it)");
    }
    if (!Files.exists(layout.marker())) {
      throw new StoreException(
          layout.root() + " is not a VoxBeam store (it has no " + StoreLayout.MARKER_FILE + ")");
    }
    try {
      checkOrUpgrade(layout);
    } catch (IOException e) {
      throw StoreException.io("open store at", layout.root(), e);
    }
  }

  private static boolean hasForeignContent(StoreLayout layout) throws IOException {
    try (var entries = Files.list(layout.root())) {
      return entries.anyMatch(path -> !isStoreEntry(layout, path));
    }
  }

  /**
   * Whether {@code path} belongs to a store. The marker counts: another process creating the same
   * new store may have moved it into place since this one looked for it.
   */
  private static boolean isStoreEntry(StoreLayout layout, Path path) {
    return path.equals(layout.marker())
        || path.equals(layout.segments())
        || path.equals(layout.tmp())
        || path.equals(layout.blobs().getParent())
        || path.equals(layout.access())
        || path.equals(layout.quarantine())
        || path.equals(layout.runs())
        || path.equals(layout.manifest());
  }

  private static void write(StoreLayout layout) throws IOException {
    Path temporary = markerText(layout);
    try {
      Files.move(temporary, layout.marker(), StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException raced) {
      Files.deleteIfExists(temporary);
    }
  }

  /** A marker of this version, written to a new file under {@code tmp/}, to be moved into place. */
  private static Path markerText(StoreLayout layout) throws IOException {
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    fields.put("format", JsonValue.of(FORMAT));
    fields.put("version", JsonValue.of(VERSION));
    Files.createDirectories(layout.tmp());
    Path temporary = NewFiles.createUnique(layout.tmp(), "marker-", ".tmp");
    Files.writeString(temporary, CanonicalJson.writeIndented(new JsonObject(fields)) + "\n");
    return temporary;
  }

  private static void checkOrUpgrade(StoreLayout layout) throws IOException {
    int version = version(layout);
    if (version == VERSION) {
      return;
    }
    if (version < 1 || version > VERSION) {
      throw new StoreException(
          layout.root()
              + " uses store format version "
              + version
              + "; this VoxBeam reads versions 1 to "
              + VERSION);
    }
    Files.createDirectories(layout.tmp());
    synchronized (FormatMarker.class) {
      upgradeLocked(layout);
    }
  }

  /** Upgrades under a file lock, which excludes other processes (this JVM's threads wait above). */
  private static void upgradeLocked(StoreLayout layout) throws IOException {
    try (FileChannel channel =
            FileChannel.open(
                layout.tmp().resolve(UPGRADE_LOCK),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      int found = version(layout);
      if (found < VERSION) {
        if (found == 1) {
          StoreUpgrade.fromVersion1(layout);
        }
        // 2 to 3: segments stay as they are; their rows, without checksums, read as unchecked.
        // 3 to 4: segments stay as they are; version 4 only adds narrow segments.
        // 4 to 5: segments stay as they are; version 5 only adds sequences kept in one row.
        // 5 to 6: segments stay as they are; version 6 only adds plain lists of such items.
        Files.move(
            markerText(layout),
            layout.marker(),
            StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** The version the marker names. */
  private static int version(StoreLayout layout) throws IOException {
    String text = Files.readString(layout.marker());
    JsonValue parsed;
    try {
      parsed = JsonReader.parse(text);
    } catch (JsonSyntaxException e) {
      throw new StoreException(layout.marker() + " is corrupt: " + e.getMessage());
    }
    if (!(parsed instanceof JsonObject marker)
        || !FORMAT.equals(marker.getString("format").orElse(null))) {
      throw new StoreException(layout.marker() + " does not describe a VoxBeam store");
    }
    JsonValue version = marker.get("version").orElse(null);
    if (!(version instanceof JsonInteger number)
        || number.value().bitLength() > 31
        || number.value().intValue() < 1) {
      throw new StoreException(
          layout.root()
              + " has no valid store format version ("
              + (version == null ? "none" : CanonicalJson.write(version))
              + "); this VoxBeam reads versions 1 to "
              + VERSION);
    }
    return number.value().intValue();
  }
}
