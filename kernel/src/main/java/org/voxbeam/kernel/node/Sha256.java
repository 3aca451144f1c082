package org.voxbeam.kernel.node;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 as VoxBeam spells it everywhere: 64 lowercase hex digits. Node ids, blob names, segment
 * manifest entries, input fingerprints and program hashes all compare such strings, so they are
 * made in one place and cannot drift apart in algorithm or spelling.
 */
public final class Sha256 {
  private static final HexFormat HEX = HexFormat.of();
  private static final int BUFFER = 1 << 16;
  private static final ThreadLocal<MessageDigest> REUSED = ThreadLocal.withInitial(Sha256::digest);

  private Sha256() {}

  /** A fresh SHA-256 digest, for content fed in pieces (finish it with {@link #hex}). */
  public static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }

  /** Completes {@code digest} and spells its hash. */
  public static String hex(MessageDigest digest) {
    return HEX.formatHex(digest.digest());
  }

  /** The hash of {@code bytes}. */
  public static String of(byte[] bytes) {
    MessageDigest digest = REUSED.get();
    digest.reset();
    return HEX.formatHex(digest.digest(bytes));
  }

  /** The hash of the UTF-8 bytes of {@code text}. */
  public static String of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The hash and size of {@code file}'s content, read in pieces (files may be large). */
  public static Measured ofFile(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return ofStream(in);
    }
  }

  /** The hash and size of what {@code in} holds up to its end, read in pieces; not closed. */
  public static Measured ofStream(InputStream in) throws IOException {
    MessageDigest digest = digest();
    byte[] buffer = new byte[BUFFER];
    long size = 0;
    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
      digest.update(buffer, 0, read);
      size += read;
    }
    return new Measured(hex(digest), size);
  }

  /**
   * A file's hash and the bytes it covers.
   *
   * @param hex 64 lowercase hex digits
   * @param size bytes hashed
   */
  public record Measured(String hex, long size) {}
}
