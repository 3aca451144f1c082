package org.voxbeam.pipeline.execution;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.voxbeam.kernel.io.NewFiles;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.value.Blob;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.kernel.value.DatasetValue;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.FunctionValue;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.MappingValue;
import org.voxbeam.kernel.value.NdArrayValue;
import org.voxbeam.kernel.value.PythonText;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.io.ImageFiles;

/**
 * Writes a value to a file, as a {@code save} goal or {@code voxbeam get} does: {@code .nii},
 * {@code .nii.gz} and {@code .png} files get the image, {@code .json} files the value as JSON,
 * {@code .raw} and {@code .bin} files the raw payload, any other file its text (VoxLogicA-2's
 * rules, with raw instead of Python pickles). A value the format cannot hold (an image as text or
 * JSON, a number as raw bytes) is refused with an {@link IOException} saying why, never written as
 * a placeholder. The file appears whole or not at all (written beside it, then moved into place),
 * with the permissions the umask gives new files.
 */
public final class GoalFiles {
  private GoalFiles() {}

  /**
   * Saves {@code value} to {@code target} in the format its name asks for, creating parent
   * directories.
   *
   * @throws IOException if the file cannot be written or the format cannot hold the value
   */
  public static void save(Path target, Value value) throws IOException {
    save(target, value, ValueFormat.ofFileName(target.getFileName().toString()));
  }

  /**
   * Saves {@code value} to {@code target} in {@code format}, whatever the file's name.
   *
   * @throws IOException if the file cannot be written or the format cannot hold the value
   */
  public static void save(Path target, Value value, ValueFormat format) throws IOException {
    refuseUnwritable(value);
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    switch (format) {
      case NIFTI -> image(target, value, named(target, ".nii") ? ".nii" : ".nii.gz");
      case PNG -> image(target, value, ".png");
      case JSON -> {
        requireInline(value, "JSON");
        text(target, CanonicalJson.writeIndented(ValueJson.toJson(value)) + "\n");
      }
      case RAW -> raw(target, value);
      case TEXT -> {
        requireInline(value, "text");
        text(target, PythonText.str(value));
      }
      case ARROW -> arrow(target, ArrowTable.of(value));
    }
  }

  private static void refuseUnwritable(Value value) throws IOException {
    if (value instanceof ErrorValue error) {
      throw new IOException("a failure is not saved: " + error.describe());
    }
    if (value instanceof FunctionValue) {
      throw new IOException("a closure has no file form");
    }
  }

  /** JSON and text hold scalars, strings and sequences and mappings of them, not payloads. */
  private static void requireInline(Value value, String format) throws IOException {
    if (value instanceof BytesValue
        || value instanceof NdArrayValue
        || value instanceof ImageValue
        || value instanceof DatasetValue) {
      throw new IOException(
          "a "
              + value.voxType()
              + " cannot be saved as "
              + format
              + " (save images as .nii.gz or .png, bytes and arrays as .raw)");
    }
    if (value instanceof SequenceValue sequence) {
      for (Value item : sequence.items()) {
        requireInline(item, format);
      }
    } else if (value instanceof MappingValue mapping) {
      for (Value entry : mapping.entries().values()) {
        requireInline(entry, format);
      }
    }
  }

  /** The image through its codec, written to a file beside the target with the right suffix. */
  private static void image(Path target, Value value, String suffix) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    boolean named = named(target, suffix);
    Path written =
        named ? target : parent.resolve(".voxbeam-" + Long.toHexString(System.nanoTime()) + suffix);
    try {
      new ImageFiles().write(written, value);
      NewFiles.matchUmask(written);
      if (!named) {
        Files.move(
            written, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    } finally {
      if (!named) {
        Files.deleteIfExists(written);
      }
    }
  }

  private static boolean named(Path target, String suffix) {
    return target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(suffix);
  }

  private static void raw(Path target, Value value) throws IOException {
    Blob payload;
    if (value instanceof BytesValue bytes) {
      payload = bytes.data();
    } else if (value instanceof NdArrayValue array) {
      payload = array.data();
    } else if (value instanceof ImageValue image) {
      payload = image.voxels();
    } else {
      throw new IOException(
          "a " + value.voxType() + " has no raw form (raw holds bytes, arrays and images)");
    }
    Path temporary =
        NewFiles.createUnique(target.toAbsolutePath().getParent(), ".voxbeam-", ".tmp");
    try {
      try (InputStream in = payload.open();
          OutputStream out = Files.newOutputStream(temporary)) {
        in.transferTo(out);
      }
      Files.move(
          temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void arrow(Path target, ArrowTable table) throws IOException {
    Path temporary =
        NewFiles.createUnique(target.toAbsolutePath().getParent(), ".voxbeam-", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(temporary)) {
        table.writeStream(out);
      }
      Files.move(
          temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  private static void text(Path target, String text) throws IOException {
    Path temporary =
        NewFiles.createUnique(target.toAbsolutePath().getParent(), ".voxbeam-", ".tmp");
    try {
      Files.writeString(temporary, text);
      Files.move(
          temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
