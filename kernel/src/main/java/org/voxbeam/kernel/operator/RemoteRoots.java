package org.voxbeam.kernel.operator;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A file policy that also reads remote inputs under a list of prefixes. A remote name is inside a
 * root when it has the root's scheme and authority and the root's path segments begin its own; a
 * name with a {@code .} or {@code ..} segment is refused outright, since HDFS would resolve it out
 * of the root while S3 would not.
 */
final class RemoteRoots implements FileAccess {
  private final FileAccess local;
  private final List<URI> roots;

  RemoteRoots(FileAccess local, List<URI> roots) {
    List<URI> all = new ArrayList<>(roots);
    if (local instanceof RemoteRoots more) {
      all.addAll(more.roots);
      this.local = more.local;
    } else {
      this.local = local;
    }
    this.roots = List.copyOf(all);
  }

  static OperatorException refusal(URI requested) {
    return new OperatorException(
        "input "
            + requested
            + " is not under an allowed remote input root (allow its prefix with --input-root)");
  }

  @Override
  public Path check(Path requested) {
    return local.check(requested);
  }

  @Override
  public URI checkRemote(URI requested) {
    List<String> segments = segments(requested.getPath());
    if (segments.contains(".") || segments.contains("..")) {
      throw new OperatorException(
          "input " + requested + " has a '.' or '..' segment; name remote inputs without them");
    }
    for (URI root : roots) {
      if (sameOrigin(root, requested)) {
        List<String> prefix = segments(root.getPath());
        if (segments.size() >= prefix.size() && segments.subList(0, prefix.size()).equals(prefix)) {
          return requested;
        }
      }
    }
    throw refusal(requested);
  }

  private static boolean sameOrigin(URI root, URI requested) {
    return root.getScheme() != null
        && requested.getScheme() != null
        && root.getScheme()
            .toLowerCase(Locale.ROOT)
            .equals(requested.getScheme().toLowerCase(Locale.ROOT))
        && Objects.equals(root.getAuthority(), requested.getAuthority());
  }

  private static List<String> segments(String path) {
    List<String> segments = new ArrayList<>();
    if (path != null) {
      for (String segment : path.split("/")) {
        if (!segment.isEmpty()) {
          segments.add(segment);
        }
      }
    }
    return segments;
  }
}
