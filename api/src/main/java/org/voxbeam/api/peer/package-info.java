/**
 * Fetch before compute: results that another VoxBeam server already holds are copied from it
 * instead of being computed again. {@link org.voxbeam.api.peer.FetchingStore} (start there) is a
 * {@link org.voxbeam.kernel.store.ResultStore} decorator: on a miss it asks the peers named in
 * {@link org.voxbeam.api.peer.PeerSettings}, verifies what they answer and stores it locally before
 * the engine sees it, so the scheduler, sequence children and image blobs need nothing of their
 * own. {@link org.voxbeam.api.peer.StoredRowJson} is the wire form of a stored row, written by the
 * server's {@code /results/{id}/row} route and read here.
 *
 * <p>Rules: a peer is never trusted. A row is used only after its shape, its node ids and every
 * blob's SHA-256 check out; a peer that answers wrongly, slowly or not at all is skipped for the
 * rest of the run. What a fetched result recorded as its inputs is checked against the local files
 * by the engine, as for any stored row. The bearer token goes only into the {@code Authorization}
 * header, never into a URL or a log line. Depends on the kernel, the store and the JDK's HTTP
 * client; nothing in {@code org.voxbeam.api} outside this package is used here.
 */
package org.voxbeam.api.peer;
