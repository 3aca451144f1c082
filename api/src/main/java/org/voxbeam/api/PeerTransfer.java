package org.voxbeam.api;

/**
 * What a run took from its peers.
 *
 * @param nodes nodes whose results were fetched from a peer instead of being computed
 * @param bytesReceived bytes received from peers (rows and blobs, answers refused included)
 */
public record PeerTransfer(long nodes, long bytesReceived) {}
