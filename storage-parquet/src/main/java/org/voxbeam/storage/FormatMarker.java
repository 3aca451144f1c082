package org.voxbeam.storage;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.json.JsonInteger;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.json.JsonSyntaxException;
import org.voxbeam.kernel.json.JsonValue;

/**
 * The {@code voxbeam-store.json} file that makes a directory a store and says which version of
 * the format its files follow, so a newer VoxBeam can upgrade an older store and an older one
 * refuses a newer store instead of misreading it.
 */
final class FormatMarker {
  static final String FORMAT = "voxbeam-result-store";
  static final int VERSION = 1;

  private FormatMarker() {}

  /** Creates the marker in a new or empty directory, or checks the one that is there. */
  static void createOrCheck(StoreLayout layout) {
    try {
      Files.createDirectories(layout.root());
      if (!Files.exists(layout.marker())) {
        if (hasForeignContent(layout)) {
          throw new StoreException(layout.root() + " is not empty and is not a VoxBeam store");
        }
        write(layout);
      }
      check(layout);
    } catch (IOException e) {
      throw new StoreException("cannot open store at " + layout.root() + ": " + e.getMessage(), e);
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
  private static boolean isStoreEntry(StoreLayout layout, java.nio.file.Path path) {
    return path.equals(layout.marker())
        || path.equals(layout.segments())
        || path.equals(layout.tmp())
        || path.equals(layout.blobs().getParent())
        || path.equals(layout.access())
        || path.equals(layout.quarantine());
  }

  private static void write(StoreLayout layout) throws IOException {
    Map<String, JsonValue> fields = new LinkedHashMap<>();
    fields.put("format", JsonValue.of(FORMAT));
    fields.put("version", JsonValue.of(VERSION));
    Files.createDirectories(layout.tmp());
    java.nio.file.Path temporary = Files.createTempFile(layout.tmp(), "marker-", ".tmp");
    Files.writeString(temporary, CanonicalJson.writeIndented(new JsonObject(fields)) + "\n");
    try {
      Files.move(temporary, layout.marker(), StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException raced) {
      Files.deleteIfExists(temporary);
    }
  }

  private static void check(StoreLayout layout) throws IOException {
    String text = Files.readString(layout.marker());
    JsonValue parsed;
    try {
      parsed = JsonReader.parse(text);
    } catch (JsonSyntaxException e) {
      throw new StoreException(layout.marker() + " is corrupt: " + e.getMessage());
    }
    if (!(parsed instanceof JsonObject marker) || !FORMAT.equals(marker.getString("format").orElse(null))) {
      throw new StoreException(layout.marker() + " does not describe a VoxBeam store");
    }
    JsonValue version = marker.get("version").orElse(null);
    if (!(version instanceof JsonInteger number) || number.value().intValue() != VERSION) {
      throw new StoreException(
          layout.root()
              + " uses store format version "
              + (version == null ? "(none)" : CanonicalJson.write(version))
              + "; this VoxBeam reads version "
              + VERSION);
    }
  }
}
