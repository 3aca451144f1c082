package org.voxbeam.storage.remote;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * A store location on HDFS, through Hadoop's shaded client. A put writes the whole object under the
 * location's {@code tmp/} and renames it into place: an HDFS rename is atomic and refuses an
 * existing target, which is the put-if-absent the store needs. A writer that dies leaves only a
 * file under {@code tmp/}, which no listing of the store looks at.
 */
final class HdfsLocation implements RemoteLocation {
  private final FileSystem fileSystem;
  private final Path root;
  private final String described;

  HdfsLocation(URI location, Configuration configuration) throws IOException {
    this.fileSystem = FileSystem.newInstance(location, configuration);
    this.root = new Path(location);
    this.described = location.toString();
  }

  @Override
  public List<RemoteObject> objects(String prefix) throws IOException {
    List<RemoteObject> objects = new ArrayList<>();
    String rootPath = fileSystem.makeQualified(root).toUri().getPath();
    try {
      RemoteIterator<LocatedFileStatus> files = fileSystem.listFiles(new Path(root, prefix), true);
      while (files.hasNext()) {
        LocatedFileStatus file = files.next();
        String path = file.getPath().toUri().getPath();
        objects.add(
            new RemoteObject(
                path.substring(rootPath.length() + 1),
                file.getLen(),
                Instant.ofEpochMilli(file.getModificationTime())));
      }
    } catch (FileNotFoundException e) {
      return List.of();
    }
    return objects;
  }

  @Override
  public void delete(String name) throws IOException {
    fileSystem.delete(new Path(root, name), false);
  }

  @Override
  public boolean read(String name, java.nio.file.Path target) throws IOException {
    try (InputStream in = fileSystem.open(new Path(root, name))) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      return true;
    } catch (FileNotFoundException e) {
      return false;
    }
  }

  @Override
  public boolean putIfAbsent(String name, java.nio.file.Path source) throws IOException {
    Path target = new Path(root, name);
    if (fileSystem.exists(target)) {
      return false;
    }
    Path temporary = new Path(root, "tmp/put-" + UUID.randomUUID() + ".tmp");
    try {
      try (OutputStream out = fileSystem.create(temporary, false)) {
        Files.copy(source, out);
      }
      fileSystem.mkdirs(target.getParent());
      if (fileSystem.rename(temporary, target)) {
        return true;
      }
      if (fileSystem.exists(target)) {
        return false;
      }
      throw new IOException("cannot rename " + temporary + " to " + target);
    } finally {
      fileSystem.delete(temporary, false);
    }
  }

  @Override
  public String describe() {
    return described;
  }

  @Override
  public void close() {
    try {
      fileSystem.close();
    } catch (IOException e) {
      // Nothing is left to flush: every put completed (or failed) before it returned.
    }
  }
}
