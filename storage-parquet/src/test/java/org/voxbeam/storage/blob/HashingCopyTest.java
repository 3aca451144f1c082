package org.voxbeam.storage.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.node.Sha256;

class HashingCopyTest {

  @Test
  void copiesAndHashesExactlyLikeASequentialCopy() throws IOException {
    Random random = new Random(5);
    int chunk = 1 << 20;
    for (int size :
        new int[] {0, 1, chunk - 1, chunk, chunk + 1, 4 * chunk, 4 * chunk + 7, 9 * chunk + 3}) {
      byte[] data = new byte[size];
      random.nextBytes(data);
      MessageDigest digest = Sha256.digest();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertEquals(size, HashingCopy.copy(new ByteArrayInputStream(data), out, digest));
      assertArrayEquals(data, out.toByteArray(), "size " + size);
      assertArrayEquals(Sha256.digest().digest(data), digest.digest(), "size " + size);
    }
  }
}
