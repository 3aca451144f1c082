package org.voxbeam.pipeline.execution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.value.PythonText;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.transforms.image.io.ImageFiles;

/**
 * Writes the value of a {@code save} goal to its file, as VoxLogicA-2 does: {@code .nii},
 * {@code .nii.gz} and {@code .png} files get the image, {@code .json} files the value as JSON,
 * any other file its text. The file appears whole or not at all (written beside it, then moved
 * into place).
 */
public final class GoalFiles {
  private GoalFiles() {}

  /**
   * Saves {@code value} to {@code target}, creating parent directories.
   *
   * @throws IOException if the file cannot be written
   */
  public static void save(Path target, Value value) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    if (ImageFiles.isImage(target)) {
      new ImageFiles().write(target, value);
      return;
    }
    String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
    String text =
        name.endsWith(".json")
            ? CanonicalJson.writeIndented(ValueJson.toJson(value)) + "\n"
            : PythonText.str(value);
    Path temporary = Files.createTempFile(parent, ".voxbeam-", ".tmp");
    try {
      Files.writeString(temporary, text);
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
