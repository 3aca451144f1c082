package org.voxbeam.operators.image;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.voxbeam.kernel.operator.Arguments;
import org.voxbeam.kernel.operator.Arity;
import org.voxbeam.kernel.operator.FileAccess;
import org.voxbeam.kernel.operator.Operator;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.operator.OperatorLibrary;
import org.voxbeam.kernel.operator.OperatorName;
import org.voxbeam.kernel.operator.Purity;
import org.voxbeam.kernel.value.BytesValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.files.RemoteInput;
import org.voxbeam.operators.image.io.ImageFiles;
import org.voxbeam.operators.image.io.ImageFormatException;
import org.voxbeam.operators.image.io.ImageLimits;
import org.voxbeam.operators.library.SimpleOperator;

/**
 * {@code default.load}, which VoxLogicA-1 programs use for images and VoxLogicA-2 for small data
 * files: an image for image file names, lines for text, bytes otherwise. SimpleITK's {@code
 * ReadImage} and {@code WriteImage} live with the {@code simpleitk} namespace. The images programs
 * load are their {@link org.voxbeam.operators.image.ops.ImageModel}, which the engine passes to
 * {@code tt} and the other image makers. A name that is an {@code s3://} or {@code hdfs://} URI is
 * read through its {@link RemoteInput}, streamed as a file is.
 */
public final class ImageFileOperators implements OperatorLibrary {
  private final ImageFiles files;
  private final FileAccess access;

  /**
   * @param access which files programs may read and write
   */
  public ImageFileOperators(FileAccess access) {
    this(access, ImageLimits.DEFAULTS);
  }

  /**
   * @param access which files programs may read and write
   * @param limits how large the images read may be
   */
  public ImageFileOperators(FileAccess access, ImageLimits limits) {
    this.access = access;
    this.files = new ImageFiles(limits);
  }

  @Override
  public List<Operator> operators() {
    return List.of(
        new SimpleOperator(
            new OperatorName("default", "load"),
            Arity.exactly(1),
            Purity.PURE,
            "Load an image, a text/CSV file as lines, another file as bytes, or pass a sequence through",
            this::load));
  }

  private Value readImage(Path file) {
    try {
      return files.read(file);
    } catch (ImageFormatException e) {
      throw new OperatorException("load failed: " + e.getMessage());
    } catch (IOException e) {
      throw new OperatorException("load failed: " + file + ": " + e.getMessage());
    }
  }

  private Value load(Arguments args) {
    Value source = args.get(0);
    if (source instanceof SequenceValue) {
      return source;
    }
    if (args.size() > 0 && args.get(0) instanceof StringValue name) {
      Optional<RemoteInput> remote = RemoteInput.of(name.value(), access, "load");
      if (remote.isPresent()) {
        return loadRemote(args, remote.get());
      }
    }
    Path file = input(args, 0, "load");
    if (!Files.exists(file)) {
      throw new OperatorException("load source not found: " + file);
    }
    if (ImageFiles.isImage(file)) {
      return readImage(file);
    }
    String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    try {
      if (name.endsWith(".txt") || name.endsWith(".csv")) {
        List<Value> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          lines.add(new StringValue(line));
        }
        return new SequenceValue(lines);
      }
      return new BytesValue(org.voxbeam.kernel.value.InMemoryBlob.copyOf(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new OperatorException("load failed: " + file + ": " + e.getMessage());
    }
  }

  /** {@code load} of a remote object: what a local file of that name would give. */
  private Value loadRemote(Arguments args, RemoteInput input) {
    String name = input.fileName().toLowerCase(Locale.ROOT);
    args.reads().remoteFile(input.uri());
    try {
      if (ImageFiles.isImage(name)) {
        return files.read(input.uri().toString(), input.open("load"));
      }
      try (InputStream in = input.open("load")) {
        if (name.endsWith(".txt") || name.endsWith(".csv")) {
          List<Value> lines = new ArrayList<>();
          try (BufferedReader reader =
              new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
              lines.add(new StringValue(line));
            }
          }
          return new SequenceValue(lines);
        }
        return new BytesValue(InMemoryBlob.copyOf(in.readAllBytes()));
      }
    } catch (ImageFormatException e) {
      throw new OperatorException("load failed: " + e.getMessage());
    } catch (IOException e) {
      throw input.failure("load", e);
    }
  }

  /** The file argument {@code index} names, declared as read by the node. */
  private Path input(Arguments args, int index, String name) {
    return args.reads().file(path(args, index, name));
  }

  private Path path(Arguments args, int index, String name) {
    if (args.size() <= index || !(args.get(index) instanceof StringValue s)) {
      throw new OperatorException(name + " needs a file name as argument " + (index + 1));
    }
    Path requested;
    try {
      requested = Path.of(s.value());
    } catch (InvalidPathException e) {
      throw new OperatorException(name + ": not a file name: " + s.value());
    }
    return access.check(requested);
  }
}
