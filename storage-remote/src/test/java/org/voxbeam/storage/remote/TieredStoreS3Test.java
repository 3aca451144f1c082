package org.voxbeam.storage.remote;

/** The tiered store on S3Mock, an S3-compatible server in the test JVM. */
class TieredStoreS3Test extends TieredStoreContract {
  private final S3Server server = S3Server.shared();

  @Override
  RemoteLocation location(String prefix) {
    return server.location(prefix);
  }
}
