package org.voxbeam.storage.remote;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.voxbeam.kernel.io.InputSource;

/**
 * Program inputs on HDFS, through Hadoop's shaded client: {@code hdfs://host:port/path} is a file
 * or a directory of that name node. A file's version is its length and modification time (HDFS has
 * no content tag, so a version vouches for the content only once it has aged). One file system
 * client per name node, kept for the JVM.
 */
final class HdfsInputs implements InputSource {
  private final Configuration configuration;
  private final ConcurrentHashMap<String, FileSystem> clients = new ConcurrentHashMap<>();

  /** With Hadoop's configuration as found on the classpath and in its usual places. */
  HdfsInputs() {
    this(new Configuration());
  }

  HdfsInputs(Configuration configuration) {
    this.configuration = configuration;
  }

  @Override
  public Optional<List<String>> list(URI folder, boolean recursive) throws IOException {
    FileSystem fileSystem = client(folder);
    Path root = new Path(folder);
    FileStatus rootStatus;
    try {
      rootStatus = fileSystem.getFileStatus(root);
    } catch (FileNotFoundException e) {
      return Optional.empty();
    }
    if (!rootStatus.isDirectory()) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    walk(fileSystem, root, "", recursive, names);
    return Optional.of(names);
  }

  private static void walk(
      FileSystem fileSystem, Path directory, String prefix, boolean recursive, List<String> out)
      throws IOException {
    for (FileStatus entry : fileSystem.listStatus(directory)) {
      String name = prefix + entry.getPath().getName();
      out.add(name);
      if (recursive && entry.isDirectory()) {
        walk(fileSystem, entry.getPath(), name + "/", true, out);
      }
    }
  }

  @Override
  public Optional<Version> version(URI object) throws IOException {
    try {
      FileStatus status = client(object).getFileStatus(new Path(object));
      return status.isFile()
          ? Optional.of(
              new Version(
                  status.getLen(), TimeUnit.MILLISECONDS.toNanos(status.getModificationTime()), ""))
          : Optional.empty();
    } catch (FileNotFoundException e) {
      return Optional.empty();
    }
  }

  @Override
  public InputStream open(URI object) throws IOException {
    try {
      return client(object).open(new Path(object));
    } catch (FileNotFoundException e) {
      throw new NoSuchFileException(object.toString());
    }
  }

  private FileSystem client(URI uri) throws IOException {
    String nameNode = uri.getScheme() + "://" + uri.getAuthority();
    FileSystem known = clients.get(nameNode);
    if (known != null) {
      return known;
    }
    FileSystem made = FileSystem.newInstance(URI.create(nameNode), configuration);
    FileSystem raced = clients.putIfAbsent(nameNode, made);
    if (raced != null) {
      made.close();
      return raced;
    }
    return made;
  }
}
