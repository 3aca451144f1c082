package org.voxbeam.storage.blob;

/** A stored blob: the SHA-256 of its content (its name) and its size in bytes. */
public record BlobRef(String sha256, long size) {}
