package org.voxbeam.pipeline.execution;

import java.util.Locale;
import java.util.Optional;

/**
 * The file formats a value can be written in ({@code save} goals, {@code voxbeam get}): chosen by
 * the file's name unless given.
 */
public enum ValueFormat {
  /** NIfTI-1, for grey images ({@code .nii}, {@code .nii.gz}; gzip by the name). */
  NIFTI("nifti"),
  /** PNG, for 2D grey images and colour pictures. */
  PNG("png"),
  /** The value as JSON, as VoxLogicA-2 reports goal values. */
  JSON("json"),
  /** The raw payload of bytes, arrays and images: little-endian, x fastest. */
  RAW("raw"),
  /** Python's {@code str} of the value, as VoxLogicA-2 saves any other file. */
  TEXT("text"),
  /**
   * An Arrow IPC stream of a sequence or table, for pandas, polars and DuckDB; only when named,
   * since VoxLogicA-2 saves a {@code .arrow} file as text.
   */
  ARROW("arrow");

  private final String wireName;

  ValueFormat(String wireName) {
    this.wireName = wireName;
  }

  /** The name {@code --format} takes. */
  public String wireName() {
    return wireName;
  }

  /**
   * The format named {@code name} ({@code nifti}, {@code png}, {@code json}, {@code raw}, {@code
   * text}, {@code arrow}).
   */
  public static Optional<ValueFormat> named(String name) {
    for (ValueFormat format : values()) {
      if (format.wireName.equals(name.toLowerCase(Locale.ROOT))) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /** The format a file's name asks for: by extension, text for any other. */
  public static ValueFormat ofFileName(String fileName) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".nii") || name.endsWith(".nii.gz")) {
      return NIFTI;
    } else if (name.endsWith(".png")) {
      return PNG;
    } else if (name.endsWith(".json")) {
      return JSON;
    } else if (name.endsWith(".raw") || name.endsWith(".bin")) {
      return RAW;
    }
    return TEXT;
  }
}
