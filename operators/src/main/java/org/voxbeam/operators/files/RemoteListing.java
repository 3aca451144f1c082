package org.voxbeam.operators.files;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.voxbeam.kernel.json.PythonStringOrder;
import org.voxbeam.kernel.operator.OperatorException;

/**
 * A {@code dir} request on a remote folder: the same matching and order as {@link
 * DirectoryListing}, over the names the folder's {@link org.voxbeam.kernel.io.InputSource} lists
 * (objects, and the folders their names imply); full paths are the folder's URI followed by the
 * relative name.
 */
record RemoteListing(RemoteInput root, String pattern, boolean recursive, boolean fullPaths) {

  /** Whether matches may lie below the root's own entries, as {@link DirectoryListing} says. */
  boolean belowRoot() {
    return GlobPattern.parse(pattern, recursive).maxDepth() > 1;
  }

  /** The matching entries, sorted. */
  List<String> list() {
    GlobPattern glob = GlobPattern.parse(pattern, recursive);
    Optional<List<String>> entries;
    try {
      entries = root.source().list(root.uri(), belowRoot());
      if (entries.isEmpty()) {
        throw new OperatorException(
            root.source().version(root.uri()).isPresent()
                ? "dir root is not a directory: " + root.uri()
                : "dir root not found: " + root.uri());
      }
    } catch (IOException e) {
      throw root.failure("dir", e);
    }
    String base = root.uri().toString().replaceAll("/+$", "") + "/";
    List<String> out = new ArrayList<>();
    for (String entry : entries.get()) {
      List<String> names = List.of(entry.split("/"));
      if (names.size() <= glob.maxDepth() && glob.matches(names)) {
        out.add(fullPaths ? base + entry : entry);
      }
    }
    out.sort(PythonStringOrder.INSTANCE);
    return out;
  }
}
