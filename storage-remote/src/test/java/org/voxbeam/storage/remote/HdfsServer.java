package org.voxbeam.storage.remote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/** An HDFS (a name node and one data node) in the test JVM, on loopback, started once per JVM. */
final class HdfsServer {
  private static HdfsServer shared;

  private final MiniDFSCluster cluster;

  private HdfsServer(MiniDFSCluster cluster) {
    this.cluster = cluster;
  }

  static synchronized HdfsServer shared() {
    if (shared == null) {
      try {
        Path base = Files.createTempDirectory("voxbeam-hdfs-");
        Configuration configuration = new Configuration();
        configuration.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toString());
        configuration.set("dfs.namenode.rpc-bind-host", "127.0.0.1");
        MiniDFSCluster cluster =
            new MiniDFSCluster.Builder(configuration, base.toFile()).numDataNodes(1).build();
        cluster.waitActive();
        shared = new HdfsServer(cluster);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::shutdown));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  /** The URI {@code hdfs://…/<prefix>} of a store on this HDFS. */
  URI uri(String prefix) {
    return cluster.getURI().resolve("/" + prefix);
  }

  /** The configuration of clients of this HDFS. */
  Configuration configuration() {
    return cluster.getConfiguration(0);
  }

  /** The store location {@code hdfs://…/<prefix>}. */
  HdfsLocation location(String prefix) {
    try {
      return new HdfsLocation(uri(prefix), cluster.getConfiguration(0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
