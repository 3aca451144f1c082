package org.voxbeam.operators.image.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.operators.image.PixelCast;
import org.voxbeam.operators.image.Voxels;
import org.voxbeam.testkit.HostileImages;
import org.voxbeam.testkit.SharedFixtures;

class NiftiCodecTest {
  private final NiftiCodec codec = new NiftiCodec();
  @TempDir Path dir;

  @Test
  void readsTheSharedT1Volume() throws IOException {
    ImageValue t1 = codec.read(SharedFixtures.shared().resolve("data/chris_t1.nii.gz"));
    assertEquals(List.of(188L, 256L, 190L), t1.geometry().size());
    assertEquals(DType.UINT8, t1.dtype());
    for (double s : t1.geometry().spacing()) {
      assertEquals(0.88, s, 1e-6);
    }
    // qform_code 2, identity quaternion, offsets (-83.12, -118.12, -77.12) in RAS: LPS flips x and
    // y.
    assertEquals(83.12, t1.geometry().origin().get(0), 1e-4);
    assertEquals(118.12, t1.geometry().origin().get(1), 1e-4);
    assertEquals(-77.12, t1.geometry().origin().get(2), 1e-4);
    assertEquals(List.of(-1.0, 0.0, 0.0, 0.0, -1.0, 0.0, 0.0, 0.0, 1.0), t1.geometry().direction());
    // Expected values from a separate reader written with Python's gzip and struct modules,
    // which decompressed the file, skipped vox_offset (352) and summed/indexed the raw uint8s.
    Voxels v = Voxels.of(t1);
    long sum = 0;
    for (int i = 0; i < v.voxelCount(); i++) {
      sum += (long) v.get(i);
    }
    assertEquals(411_030_734L, sum);
    assertEquals(83, v.get(v.grid().index(94, 128, 95)));
    assertEquals(122, v.get(v.grid().index(100, 120, 80)));
    assertEquals(0, v.get(v.grid().index(187, 255, 189)));
  }

  @Test
  void roundTripsEveryTypeIn2dAnd3d() throws IOException {
    Random random = new Random(7);
    for (DType type :
        List.of(
            DType.UINT8,
            DType.INT8,
            DType.INT16,
            DType.UINT16,
            DType.INT32,
            DType.FLOAT32,
            DType.FLOAT64)) {
      for (List<Long> size : List.of(List.of(5L, 4L), List.of(3L, 4L, 5L))) {
        ImageGeometry g = oblique(size);
        byte[] data = new byte[(int) (g.voxelCount() * type.byteSize())];
        random.nextBytes(data);
        if (type == DType.FLOAT32 || type == DType.FLOAT64) {
          ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
          for (int i = 0; i < g.voxelCount(); i++) {
            PixelCast.put(b, type, i, random.nextGaussian() * 100);
          }
        }
        ImageValue image = new ImageValue(g, type, InMemoryBlob.adopt(data));
        for (String name : List.of("a.nii", "a.nii.gz")) {
          Path file = dir.resolve(type + "-" + size.size() + name);
          codec.write(file, image);
          ImageValue back = codec.read(file);
          assertEquals(type, back.dtype());
          assertArrayEquals(data, back.voxels().readAllBytes());
          assertGeometry(g, back.geometry());
        }
      }
    }
  }

  private static ImageGeometry oblique(List<Long> size) {
    if (size.size() == 2) {
      return new ImageGeometry(
          size, List.of(0.5, 2.0), List.of(-3.0, 7.5), List.of(0.0, -1.0, 1.0, 0.0));
    }
    double c = Math.cos(0.3);
    double s = Math.sin(0.3);
    return new ImageGeometry(
        size,
        List.of(0.9, 1.1, 2.5),
        List.of(10.0, -20.0, 30.0),
        List.of(c, -s, 0.0, s, c, 0.0, 0.0, 0.0, -1.0));
  }

  private static void assertGeometry(ImageGeometry expected, ImageGeometry actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.spacing().size(); i++) {
      assertEquals(expected.spacing().get(i), actual.spacing().get(i), 1e-5);
      assertEquals(expected.origin().get(i), actual.origin().get(i), 1e-4);
    }
    for (int i = 0; i < expected.direction().size(); i++) {
      assertEquals(expected.direction().get(i), actual.direction().get(i), 1e-5);
    }
  }

  @Test
  void appliesScaling() throws IOException {
    byte[] header = NiftiHeader.encode(oblique(List.of(2L, 2L)), NiftiDataType.INT16);
    ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
    h.putFloat(112, 0.5f).putFloat(116, -10f);
    ByteBuffer voxels =
        ByteBuffer.allocate(8)
            .order(ByteOrder.LITTLE_ENDIAN)
            .putShort((short) 0)
            .putShort((short) 2)
            .putShort((short) -4)
            .putShort((short) 100);
    Path file = write("scaled.nii", header, voxels.array());
    ImageValue image = codec.read(file);
    assertEquals(DType.FLOAT32, image.dtype());
    Voxels v = Voxels.of(image);
    assertEquals(-10.0, v.get(0));
    assertEquals(-9.0, v.get(1));
    assertEquals(-12.0, v.get(2));
    assertEquals(40.0, v.get(3));
  }

  @Test
  void readsBigEndianFiles() throws IOException {
    byte[] le = NiftiHeader.encode(oblique(List.of(2L, 1L)), NiftiDataType.INT16);
    ByteBuffer src = ByteBuffer.wrap(le).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer be = ByteBuffer.allocate(352).order(ByteOrder.BIG_ENDIAN);
    be.put(0, le, 0, 352);
    be.putInt(0, 348);
    for (int off = 40; off < 56; off += 2) {
      be.putShort(off, src.getShort(off));
    }
    be.putShort(70, (short) 4).putShort(72, (short) 16);
    for (int off = 76; off < 120; off += 4) {
      be.putFloat(off, src.getFloat(off));
    }
    be.putShort(252, (short) 0).putShort(254, (short) 0);
    byte[] voxels = {0x01, 0x02, (byte) 0xff, (byte) 0xfe};
    ImageValue image = codec.read(write("be.nii", be.array(), voxels));
    assertEquals(258.0, Voxels.of(image).get(0));
    assertEquals(-2.0, Voxels.of(image).get(1));
  }

  @Test
  void lyingHeadersNameTheFileAndField() throws IOException {
    byte[] good = NiftiHeader.encode(oblique(List.of(4L, 4L, 2L)), NiftiDataType.UINT8);
    assertField("voxel data", write("short.nii", good, new byte[31]));
    assertField(
        "datatype", write("type.nii", patch(good, h -> h.putShort(70, (short) 32)), new byte[32]));
    assertField(
        "bitpix", write("bitpix.nii", patch(good, h -> h.putShort(72, (short) 16)), new byte[32]));
    assertField(
        "dim[2]", write("neg.nii", patch(good, h -> h.putShort(44, (short) -4)), new byte[32]));
    assertField(
        "dim[0]", write("rank.nii", patch(good, h -> h.putShort(40, (short) 9)), new byte[32]));
    assertField(
        "dim[4]",
        write(
            "4d.nii",
            patch(good, h -> h.putShort(40, (short) 4).putShort(48, (short) 3)),
            new byte[96]));
    assertField("sizeof_hdr", write("hdr.nii", patch(good, h -> h.putInt(0, 12)), new byte[32]));
    assertField(
        "vox_offset", write("off.nii", patch(good, h -> h.putFloat(108, 100f)), new byte[32]));
    assertField("pixdim[1]", write("pix.nii", patch(good, h -> h.putFloat(80, -1f)), new byte[32]));
    assertField(
        "magic", write("magic.nii", patch(good, h -> h.put(345, (byte) 'i')), new byte[32]));
    Path notGzip = write("plain.nii.gz", good, new byte[32]);
    assertField("gzip stream", notGzip);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(gz)) {
      out.write(good);
      out.write(new byte[32]);
    }
    byte[] cut = java.util.Arrays.copyOf(gz.toByteArray(), gz.size() - 12);
    Path truncated = dir.resolve("cut.nii.gz");
    Files.write(truncated, cut);
    assertField("gzip stream", truncated);
  }

  @Test
  void aHeaderPromisingMoreThanTheMemoryBudgetIsRefusedBeforeReading() throws IOException {
    byte[] huge = NiftiHeader.encode(oblique(List.of(256L, 256L, 256L)), NiftiDataType.UINT8);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(gz)) {
      out.write(huge);
      out.write(new byte[1 << 20]);
    }
    Path bomb = dir.resolve("bomb.nii.gz");
    Files.write(bomb, gz.toByteArray());
    ImageFormatException e =
        assertThrows(ImageFormatException.class, () -> new NiftiCodec(8L << 20).read(bomb));
    assertEquals("dim", e.field());
    assertTrue(e.getMessage().contains("-Xmx"), e.getMessage());
  }

  @Test
  void aGzipBombIsRefusedByItsHeaderOrWhileInflating() throws IOException {
    Path bomb = HostileImages.niftiGzipBomb(dir.resolve("bomb.nii.gz"), 512, 512, 512);
    NiftiCodec fewVoxels = new NiftiCodec(new ImageLimits(1 << 20, 1L << 40));
    ImageFormatException voxels =
        assertThrows(ImageFormatException.class, () -> fewVoxels.read(bomb));
    assertEquals("dim", voxels.field());
    String tooMany = "134217728 voxels exceed the limit of 1048576";
    assertTrue(voxels.getMessage().contains(tooMany), voxels.getMessage());
    NiftiCodec fewBytes = new NiftiCodec(new ImageLimits(1L << 40, 64L << 20));
    ImageFormatException bytes =
        assertThrows(ImageFormatException.class, () -> fewBytes.read(bomb));
    assertEquals("dim", bytes.field());
    String tooLarge = "134218080 bytes of decompressed data exceed the limit of 67108864";
    assertTrue(bytes.getMessage().contains(tooLarge), bytes.getMessage());
    Path small = HostileImages.niftiGzipBomb(dir.resolve("small.nii.gz"), 64, 64, 64);
    ImageValue read = new NiftiCodec(new ImageLimits(1 << 18, 1 << 20)).read(small);
    assertEquals(64 * 64 * 64, read.geometry().voxelCount());
  }

  private void assertField(String field, Path file) {
    ImageFormatException e = assertThrows(ImageFormatException.class, () -> codec.read(file));
    assertEquals(field, e.field());
    assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
  }

  private static byte[] patch(byte[] header, java.util.function.Consumer<ByteBuffer> change) {
    byte[] copy = header.clone();
    change.accept(ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN));
    return copy;
  }

  private Path write(String name, byte[] header, byte[] voxels) throws IOException {
    Path file = dir.resolve(name);
    byte[] all = new byte[header.length + voxels.length];
    System.arraycopy(header, 0, all, 0, header.length);
    System.arraycopy(voxels, 0, all, header.length, voxels.length);
    Files.write(file, all);
    return file;
  }
}
