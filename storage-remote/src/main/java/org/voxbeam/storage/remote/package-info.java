/**
 * The result store on remote storage: an S3 bucket or S3-compatible server is the source of truth,
 * and a local store directory of the ordinary format is the working tier in front of it. Start at
 * {@link org.voxbeam.storage.remote.TieredStore} (the commit and pull protocol), then {@link
 * org.voxbeam.storage.remote.RemoteLocation} (what a backend must offer: list, read, put if absent,
 * delete); {@link org.voxbeam.storage.remote.RemoteStores} opens a store from its URI. The same
 * clients read program inputs named by {@code s3://} and {@code hdfs://} URIs ({@code S3Inputs},
 * {@code HdfsInputs}, the kernel's {@code InputSource}), which {@link
 * org.voxbeam.storage.remote.RemoteInputSources} registers for a run.
 *
 * <p>Rules: the remote holds the local layout under the same names, so a remote prefix copied into
 * a directory is a store; nothing on the remote is ever replaced or deleted by a run (only {@link
 * org.voxbeam.storage.remote.RemoteStores#collectGarbage} deletes, what no row refers to); a
 * segment is published only after its blobs, and pulled only whole and checked against its manifest
 * entry; nothing read from the remote is trusted before it is checked (blobs by their SHA-256,
 * segments by their manifest entry and their rows' checksums).
 */
package org.voxbeam.storage.remote;
