package org.voxbeam.operators.simpleitk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.voxbeam.kernel.io.NewFiles;
import org.voxbeam.kernel.operator.FileAccess;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.NullValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.files.RemoteInput;
import org.voxbeam.operators.image.io.ImageFiles;
import org.voxbeam.operators.image.io.ImageFormatException;
import org.voxbeam.operators.image.io.ImageLimits;

/**
 * {@code ReadImage} and {@code WriteImage}: NIfTI-1 and PNG by file name, as SimpleITK picks an
 * image IO by extension. Paths go through the program's {@link FileAccess}, so a server confines
 * them to its data roots; {@code ReadImage} of an {@code s3://} or {@code hdfs://} URI reads the
 * object through its {@link RemoteInput}, where the policy allows it.
 */
final class ImageFileFunctions implements FilterFamily {
  /** The ITK image IOs VoxBeam has, as {@code ReadImage}'s {@code imageIO} names them. */
  private static final Set<String> IMAGE_IOS = Set.of("", "NiftiImageIO", "PNGImageIO");

  private final ImageFiles files;
  private final FileAccess access;

  ImageFileFunctions(FileAccess access, ImageLimits limits) {
    this.access = access;
    this.files = new ImageFiles(limits);
  }

  @Override
  public Map<String, SimpleItkFunction> functions() {
    return Map.of("ReadImage", this::readImage, "WriteImage", this::writeImage);
  }

  private Value readImage(Call call) {
    String io = call.text("imageIO");
    if (!IMAGE_IOS.contains(io)) {
      throw call.failure("unknown image IO '" + io + "'; VoxBeam has NiftiImageIO and PNGImageIO");
    }
    Value image = read(call);
    return call.pixelId("outputPixelType")
        .<Value>map(
            id -> image instanceof ImageValue scalar ? PixelTypes.cast(call, scalar, id) : image)
        .orElse(image);
  }

  /** The image {@code fileName} names: a local file, or a remote object streamed likewise. */
  private Value read(Call call) {
    Optional<RemoteInput> remote;
    try {
      remote = RemoteInput.of(call.text("fileName"), access, "fileName");
    } catch (OperatorException e) {
      throw call.failure(e.getMessage());
    }
    if (remote.isEmpty()) {
      Path file = call.reads().file(path(call, "fileName"));
      try {
        return files.read(file);
      } catch (ImageFormatException e) {
        throw call.failure(e.getMessage());
      } catch (IOException e) {
        throw call.failure(file + ": " + e.getMessage());
      }
    }
    RemoteInput input = remote.get();
    call.reads().remoteFile(input.uri());
    try {
      return files.read(input.uri().toString(), input.open("image"));
    } catch (OperatorException | ImageFormatException e) {
      throw call.failure(e.getMessage());
    } catch (IOException e) {
      throw call.failure(input.failure("read", e).getMessage());
    }
  }

  private Value writeImage(Call call) {
    Path file = path(call, "fileName");
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      files.write(file, call.image("image"));
      NewFiles.matchUmask(file);
      return NullValue.INSTANCE;
    } catch (IOException e) {
      throw call.failure(e.getMessage());
    }
  }

  private Path path(Call call, String parameter) {
    String name = call.text(parameter);
    try {
      return access.check(Path.of(name));
    } catch (InvalidPathException e) {
      throw call.failure("not a file name: " + name);
    } catch (OperatorException e) {
      throw call.failure(e.getMessage());
    }
  }
}
