package org.voxbeam.operators.image.io;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;

/**
 * Malformed image files: valid {@code .nii}, {@code .nii.gz} and {@code .png} files with random
 * bytes flipped, runs overwritten, tails cut or garbage appended. Each read either succeeds within
 * the limits or throws an {@link IOException} (an {@link ImageFormatException} naming the file for
 * everything the codec can tell), never another exception and never an allocation past the limits.
 * {@code -Dvoxbeam.fuzz.long=true} runs 50 times as many.
 */
class ImageFileFuzzTest {
  private static final ImageLimits LIMITS = new ImageLimits(1 << 16, 1 << 20);
  private static final int TRIALS = Boolean.getBoolean("voxbeam.fuzz.long") ? 100_000 : 2_000;

  @TempDir Path dir;

  @Test
  void mutatedImagesFailOnlyWithIoErrors() throws IOException {
    ImageFiles files = new ImageFiles(LIMITS);
    byte[] voxels = new byte[24 * 20 * 6];
    new Random(3).nextBytes(voxels);
    ImageValue volume =
        new ImageValue(
            new ImageGeometry(
                List.of(24L, 20L, 6L),
                List.of(1.0, 1.0, 2.0),
                List.of(0.0, 0.0, 0.0),
                List.of(1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0)),
            DType.UINT8,
            InMemoryBlob.adopt(voxels));
    byte[] pixels = Arrays.copyOf(voxels, 480);
    ImageValue picture =
        new ImageValue(PngCodec.planeGeometry(24, 20), DType.UINT8, InMemoryBlob.adopt(pixels));
    List<Path> seeds =
        List.of(dir.resolve("seed.nii"), dir.resolve("seed.nii.gz"), dir.resolve("seed.png"));
    files.write(seeds.get(0), volume);
    files.write(seeds.get(1), volume);
    files.write(seeds.get(2), picture);
    Random random = new Random(15);
    int read = 0;
    for (int trial = 0; trial < TRIALS; trial++) {
      Path seed = seeds.get(random.nextInt(seeds.size()));
      byte[] bytes = mutate(Files.readAllBytes(seed), random);
      Path file = dir.resolve("fuzz" + seed.getFileName().toString().substring(4));
      Files.write(file, bytes);
      try {
        files.read(file);
        read++;
      } catch (ImageFormatException e) {
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
      } catch (IOException e) {
        // the decoder's own I/O error on a corrupt stream; a clear node failure upstream
      }
    }
    assertTrue(read > 0 && read < TRIALS, "read " + read + " of " + TRIALS);
  }

  private static byte[] mutate(byte[] bytes, Random random) {
    byte[] out = bytes.clone();
    switch (random.nextInt(4)) {
      case 0 -> {
        for (int i = random.nextInt(4) + 1; i > 0; i--) {
          out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        }
      }
      case 1 -> {
        int start = random.nextInt(Math.min(out.length, 400));
        for (int i = start; i < Math.min(out.length, start + random.nextInt(16) + 1); i++) {
          out[i] = (byte) (random.nextBoolean() ? 0xFF : 0x7F);
        }
      }
      case 2 -> out = Arrays.copyOf(out, random.nextInt(out.length));
      default -> {
        out = Arrays.copyOf(out, out.length + random.nextInt(64) + 1);
        for (int i = bytes.length; i < out.length; i++) {
          out[i] = (byte) random.nextInt(256);
        }
      }
    }
    return out;
  }
}
