package org.voxbeam.operators.image.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.ColourImage;
import org.voxbeam.testkit.HostileImages;

class PngCodecTest {
  private final ImageFiles files = new ImageFiles();
  @TempDir Path dir;

  @Test
  void greyAndColourRoundTrip() throws IOException {
    Random random = new Random(5);
    for (DType type : List.of(DType.UINT8, DType.UINT16)) {
      ImageValue grey = random(random, type);
      Path file = dir.resolve(type + ".png");
      files.write(file, grey);
      ImageValue back = (ImageValue) files.read(file);
      assertEquals(type, back.dtype());
      assertEquals(grey.geometry(), back.geometry());
      assertArrayEquals(grey.voxels().readAllBytes(), back.voxels().readAllBytes());
      for (boolean alpha : List.of(false, true)) {
        ColourImage colour =
            new ColourImage(
                random(random, type),
                random(random, type),
                random(random, type),
                alpha ? Optional.of(random(random, type)) : Optional.empty());
        Path picture = dir.resolve(type + "-" + alpha + ".png");
        files.write(picture, colour.toValue());
        Value read = files.read(picture);
        ColourImage again = ColourImage.from(read).orElseThrow();
        for (int c = 0; c < colour.channels().size(); c++) {
          assertArrayEquals(
              colour.channels().get(c).voxels().readAllBytes(),
              again.channels().get(c).voxels().readAllBytes());
        }
        assertEquals(alpha, again.alpha().isPresent());
      }
    }
  }

  @Test
  void refusesWhatPngCannotHold() throws IOException {
    Path garbage = dir.resolve("garbage.png");
    Files.write(garbage, new byte[] {1, 2, 3});
    assertEquals(
        "signature", assertThrows(ImageFormatException.class, () -> files.read(garbage)).field());
    ImageValue floats =
        new ImageValue(
            PngCodec.planeGeometry(2, 2), DType.FLOAT32, InMemoryBlob.adopt(new byte[16]));
    assertEquals(
        "voxel type",
        assertThrows(ImageFormatException.class, () -> files.write(dir.resolve("f.png"), floats))
            .field());
  }

  @Test
  void aVolumeOneSliceThickIsWrittenAsItsPlane() throws IOException {
    byte[] data = new byte[7 * 5];
    new Random(9).nextBytes(data);
    ImageGeometry thin =
        new ImageGeometry(
            List.of(7L, 5L, 1L),
            List.of(1.0, 1.0, 1.0),
            List.of(0.0, 0.0, 0.0),
            List.of(1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0));
    Path file = dir.resolve("slice.png");
    files.write(file, new ImageValue(thin, DType.UINT8, InMemoryBlob.copyOf(data)));
    ImageValue back = (ImageValue) files.read(file);
    assertEquals(List.of(7L, 5L), back.geometry().size());
    assertArrayEquals(data, back.voxels().readAllBytes());
    ImageGeometry thick =
        new ImageGeometry(
            List.of(7L, 5L, 2L),
            List.of(1.0, 1.0, 1.0),
            List.of(0.0, 0.0, 0.0),
            List.of(1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0));
    ImageValue volume = new ImageValue(thick, DType.UINT8, InMemoryBlob.adopt(new byte[70]));
    assertEquals(
        "dimension",
        assertThrows(ImageFormatException.class, () -> files.write(dir.resolve("v.png"), volume))
            .field());
  }

  private static ImageValue random(Random random, DType type) {
    byte[] data = new byte[7 * 5 * type.byteSize()];
    random.nextBytes(data);
    return new ImageValue(PngCodec.planeGeometry(7, 5), type, InMemoryBlob.adopt(data));
  }

  @Test
  void aPictureOverTheLimitsIsRefusedByItsHeaderBeforeDecoding() throws IOException {
    Path huge = HostileImages.hugePng(dir.resolve("wide.png"), 20_000, 20_000);
    PngCodec fewPixels = new PngCodec(new ImageLimits(1 << 20, 1L << 40));
    ImageFormatException pixels =
        assertThrows(ImageFormatException.class, () -> fewPixels.read(huge));
    assertEquals("IHDR", pixels.field());
    String tooMany = "400000000 voxels exceed the limit of 1048576";
    assertTrue(pixels.getMessage().contains(tooMany), pixels.getMessage());
    Path small = HostileImages.hugePng(dir.resolve("small.png"), 300, 200);
    PngCodec fewBytes = new PngCodec(new ImageLimits(1 << 20, 50_000));
    assertThrows(ImageFormatException.class, () -> fewBytes.read(small));
    ImageValue read = (ImageValue) new PngCodec(new ImageLimits(60_000, 60_000)).read(small);
    assertEquals(60_000, read.geometry().voxelCount());
  }
}
