package org.voxbeam.storage.remote;

/** The tiered store on HDFS: a MiniDFSCluster in the test JVM. */
class TieredStoreHdfsTest extends TieredStoreContract {
  private final HdfsServer server = HdfsServer.shared();

  @Override
  RemoteLocation location(String prefix) {
    return server.location(prefix);
  }
}
