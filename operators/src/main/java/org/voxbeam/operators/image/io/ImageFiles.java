package org.voxbeam.operators.image.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.Value;

/**
 * The image formats VoxBeam reads and writes, chosen by file name as SimpleITK chooses them: {@code
 * .nii}/{@code .nii.gz} for NIfTI-1, {@code .png} for PNG.
 */
public final class ImageFiles {
  private final NiftiCodec nifti;
  private final PngCodec png;

  /** Image files read within the default {@link ImageLimits}. */
  public ImageFiles() {
    this(ImageLimits.DEFAULTS);
  }

  /** Image files read within {@code limits}. */
  public ImageFiles(ImageLimits limits) {
    this.nifti = new NiftiCodec(limits);
    this.png = new PngCodec(limits);
  }

  /** Whether {@code file}'s name is one of the supported image formats. */
  public static boolean isImage(Path file) {
    return isImage(file.getFileName().toString());
  }

  /** Whether {@code name} (a file name, a path or a URI) ends as a supported image format does. */
  public static boolean isImage(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".nii") || lower.endsWith(".nii.gz") || lower.endsWith(".png");
  }

  /** Reads an image: an {@link ImageValue}, or a colour mapping for colour PNG pictures. */
  public Value read(Path file) throws IOException {
    if (isPng(file)) {
      return png.read(file);
    }
    if (isNifti(file)) {
      return nifti.read(file);
    }
    throw new ImageFormatException(
        file, "file name", "unknown image format (use .nii, .nii.gz or .png)");
  }

  /**
   * Reads the image {@code content} holds, streamed as a file is, and closes it: a remote object.
   *
   * @param name the object's name (a URI): its ending chooses the format, and messages name it
   */
  public Value read(String name, InputStream content) throws IOException {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".png")) {
      return png.read(name, content);
    }
    if (lower.endsWith(".nii") || lower.endsWith(".nii.gz")) {
      return nifti.read(name, content);
    }
    content.close();
    throw new ImageFormatException(
        name, "file name", "unknown image format (use .nii, .nii.gz or .png)");
  }

  /** Writes an image or colour mapping in the format {@code file}'s name asks for. */
  public void write(Path file, Value value) throws IOException {
    if (isPng(file)) {
      png.write(file, value);
    } else if (isNifti(file)) {
      if (!(value instanceof ImageValue image)) {
        throw new ImageFormatException(
            file, "value", "NIfTI holds grey images, not a " + value.voxType());
      }
      nifti.write(file, image);
    } else {
      throw new ImageFormatException(
          file, "file name", "unknown image format (use .nii, .nii.gz or .png)");
    }
  }

  private static boolean isPng(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png");
  }

  private static boolean isNifti(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".nii") || name.endsWith(".nii.gz");
  }
}
