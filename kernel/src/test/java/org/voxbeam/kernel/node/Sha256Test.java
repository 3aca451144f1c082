package org.voxbeam.kernel.node;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Sha256Test {
  private static final String ABC =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void spellsTheStandardVectorInLowercaseHex() {
    assertEquals(ABC, Sha256.of("abc"));
    assertEquals(ABC, Sha256.of("abc".getBytes(StandardCharsets.US_ASCII)));
    MessageDigest digest = Sha256.digest();
    digest.update("ab".getBytes(StandardCharsets.US_ASCII));
    digest.update("c".getBytes(StandardCharsets.US_ASCII));
    assertEquals(ABC, Sha256.hex(digest));
  }

  @Test
  void hashesAFileLargerThanOneBufferInPieces(@TempDir Path dir) throws IOException {
    byte[] content = new byte[(1 << 16) * 3 + 17];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31);
    }
    Path file = Files.write(dir.resolve("data"), content);
    assertEquals(new Sha256.Measured(Sha256.of(content), content.length), Sha256.ofFile(file));
  }
}
