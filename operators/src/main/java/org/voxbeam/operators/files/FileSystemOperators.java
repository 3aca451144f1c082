package org.voxbeam.operators.files;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.voxbeam.kernel.operator.Arguments;
import org.voxbeam.kernel.operator.Arity;
import org.voxbeam.kernel.operator.FileAccess;
import org.voxbeam.kernel.operator.Operator;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.operator.OperatorLibrary;
import org.voxbeam.kernel.operator.OperatorName;
import org.voxbeam.kernel.operator.Purity;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.library.SimpleOperator;

/**
 * The file-system primitives of VoxLogicA-2's {@code default} namespace that are not loaders:
 * {@code dir}, which turns a folder of cases into the sequence a dataset program maps over. The
 * root goes through the {@link FileAccess} policy, so a server's programs list only its data roots.
 * A folder's content changes without its name changing, so {@code dir} declares the listing it
 * reads ({@link org.voxbeam.kernel.io.ExternalReads}): its stored result is reused only while the
 * folder holds the same names. A root named by an {@code s3://} or {@code hdfs://} URI is listed
 * through its {@link RemoteInput} instead, where the policy allows it.
 */
public final class FileSystemOperators implements OperatorLibrary {
  private static final Set<String> TRUE_WORDS = Set.of("true", "1", "yes", "on");
  private static final Set<String> FALSE_WORDS = Set.of("false", "0", "no", "off");

  private final FileAccess access;

  public FileSystemOperators(FileAccess access) {
    this.access = access;
  }

  @Override
  public List<Operator> operators() {
    return List.of(
        new SimpleOperator(
            new OperatorName("default", "dir"),
            Arity.between(1, 4),
            Purity.PURE,
            "List directory entries with optional glob filtering (root, pattern='*', recursive=false, full_paths=false)",
            this::dir));
  }

  private Value dir(Arguments args) {
    String pattern = args.size() > 1 ? text(args.get(1)) : "*";
    boolean recursive = args.size() > 2 && flag(args.get(2), "recursive");
    boolean fullPaths = args.size() > 3 && flag(args.get(3), "full_paths");
    Optional<RemoteInput> remote = RemoteInput.of(text(args.get(0)), access, "dir");
    List<String> names;
    if (remote.isPresent()) {
      RemoteListing listing = new RemoteListing(remote.get(), pattern, recursive, fullPaths);
      args.reads().remoteListing(remote.get().uri(), listing.belowRoot());
      names = listing.list();
    } else {
      Root root = root(args.get(0));
      DirectoryListing listing =
          new DirectoryListing(root.checked(), pattern, recursive, fullPaths);
      args.reads().listing(root.declared(), listing.belowRoot());
      names = listing.list();
    }
    List<Value> entries = new ArrayList<>();
    for (String entry : names) {
      entries.add(new StringValue(entry));
    }
    return new SequenceValue(entries);
  }

  /**
   * The directory to list, as the access policy resolved it, and as it is declared: a relative name
   * the policy left alone stays relative, since another run in another working directory lists
   * another directory under the same node id.
   */
  private record Root(Path checked, Path declared) {}

  private Root root(Value value) {
    String name = text(value);
    if (name.equals("~") || name.startsWith("~/")) {
      name = System.getProperty("user.home") + name.substring(1);
    }
    Path requested;
    try {
      requested = Path.of(name).normalize();
    } catch (InvalidPathException e) {
      throw new OperatorException("dir: not a directory name: " + name);
    }
    Path checked = access.check(requested).toAbsolutePath().normalize();
    Path absolute = requested.toAbsolutePath().normalize();
    return new Root(checked, checked.equals(absolute) ? requested : checked);
  }

  /** Python's {@code str(x)} for the values a program passes as a name or a pattern. */
  private static String text(Value value) {
    if (value instanceof StringValue s) {
      return s.value();
    }
    if (value instanceof IntegerValue i) {
      return Long.toString(i.value());
    }
    if (value instanceof NumberValue n) {
      return org.voxbeam.kernel.json.PythonFloats.repr(n.value());
    }
    throw new OperatorException("dir expects a string, got " + value.voxType());
  }

  /** VoxLogicA-2's bool-like values: booleans, numbers, and a few words. */
  private static boolean flag(Value value, String name) {
    if (value instanceof BooleanValue b) {
      return b.value();
    }
    if (value instanceof IntegerValue i) {
      return i.value() != 0;
    }
    if (value instanceof NumberValue n) {
      return n.value() != 0;
    }
    if (value instanceof StringValue s) {
      String word = s.value().strip().toLowerCase(Locale.ROOT);
      if (TRUE_WORDS.contains(word)) {
        return true;
      }
      if (FALSE_WORDS.contains(word)) {
        return false;
      }
    }
    throw new OperatorException("dir " + name + " must be boolean-like, got: " + describe(value));
  }

  private static String describe(Value value) {
    return value instanceof StringValue s ? "'" + s.value() + "'" : value.voxType();
  }
}
