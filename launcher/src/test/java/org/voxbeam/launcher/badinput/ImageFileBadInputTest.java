package org.voxbeam.launcher.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.launcher.CliOutcome;
import org.voxbeam.testkit.SharedFixtures;

/**
 * The bad-input matrix for image files read by a program ({@code load}, {@code ReadImage}): empty,
 * truncated, corrupt, mislabelled, oversized and hostile NIfTI and PNG files. A bad file fails only
 * the node that reads it: the goal prints an error naming the file and the header field, other
 * goals still print, the exit code is 1, and the store keeps what it held. The codecs'
 * one-test-per-lying-field checks are {@code NiftiCodecTest} and {@code PngCodecTest}.
 */
class ImageFileBadInputTest {
  @TempDir Path dir;
  private PopulatedStore store;

  @BeforeEach
  void fillStore() {
    store = PopulatedStore.create(dir.resolve("store"));
  }

  @AfterEach
  void storeIsIntact() {
    store.assertIntact();
  }

  /** Runs a program reading {@code file} with {@code reader}, and a goal that does not. */
  private CliOutcome read(String reader, Path file, String... options) throws IOException {
    String path = file.toAbsolutePath().toString().replace('\\', '/');
    Path program = dir.resolve("read.imgql");
    Files.writeString(
        program,
        "import \"simpleitk\"\nprint \"image\" volume("
            + reader
            + "(\""
            + path
            + "\") > 0)\nprint \"other\" 1 + 1\n");
    List<String> args =
        new ArrayList<>(List.of("run", program.toString(), "--store", store.path()));
    args.addAll(List.of(options));
    return CliOutcome.run(args.toArray(new String[0]));
  }

  private void assertFailsNaming(Path file, String field, String... options) throws IOException {
    for (String reader : new String[] {"load", "ReadImage"}) {
      CliOutcome outcome = read(reader, file, options);
      assertEquals(1, outcome.exitCode(), outcome.out() + outcome.err());
      assertTrue(outcome.out().contains("other=2.0"), outcome.out());
      String line =
          outcome.out().lines().filter(l -> l.startsWith("image=")).findFirst().orElseThrow();
      assertTrue(line.startsWith("image=<error:"), line);
      assertTrue(line.contains(file.getFileName().toString()), line);
      assertTrue(line.contains(field), "expected field '" + field + "' in " + line);
      assertFalse(line.contains("Exception"), line);
      outcome.assertNoStackTrace();
    }
  }

  private static byte[] header(int nx, int ny, int nz) {
    ByteBuffer h = ByteBuffer.allocate(352).order(ByteOrder.LITTLE_ENDIAN);
    h.putInt(0, 348);
    h.putShort(40, (short) 3)
        .putShort(42, (short) nx)
        .putShort(44, (short) ny)
        .putShort(46, (short) nz);
    h.putShort(70, (short) 2).putShort(72, (short) 8);
    h.putFloat(76, 1f).putFloat(80, 1f).putFloat(84, 1f).putFloat(88, 1f);
    h.putFloat(108, 352f);
    h.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
    return h.array();
  }

  private Path write(String name, byte[]... parts) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      all.write(part);
    }
    return Files.write(dir.resolve(name), all.toByteArray());
  }

  @Test
  void aWellFormedSyntheticHeaderReads() throws IOException {
    Path good = write("good.nii", header(4, 3, 2), new byte[24]);
    CliOutcome outcome = read("load", good);
    assertEquals(0, outcome.exitCode(), outcome.out() + outcome.err());
    assertTrue(outcome.out().contains("image=0.0"), outcome.out());
  }

  @Test
  void emptyAndTruncatedNiftiFiles() throws IOException {
    assertFailsNaming(write("empty.nii", new byte[0]), "header");
    assertFailsNaming(write("halfheader.nii", Arrays.copyOf(header(4, 3, 2), 100)), "header");
    assertFailsNaming(write("shortdata.nii", header(4, 3, 2), new byte[23]), "voxel data");
    byte[] real =
        Files.readAllBytes(
            SharedFixtures.shared().resolve("data/synthetic/images/case_002_0000.nii.gz"));
    assertFailsNaming(write("cut.nii.gz", Arrays.copyOf(real, real.length / 2)), "gzip stream");
  }

  @Test
  void corruptAndMislabelledFiles() throws IOException {
    byte[] noise = new byte[1000];
    new Random(1).nextBytes(noise);
    assertFailsNaming(write("noise.nii", noise), "sizeof_hdr");
    assertFailsNaming(write("noise.nii.gz", noise), "gzip stream");
    assertFailsNaming(write("noise.png", noise), "signature");
    assertFailsNaming(write("text.png", "just text".getBytes(StandardCharsets.UTF_8)), "signature");
    byte[] png = Files.readAllBytes(pngFixture());
    assertFailsNaming(write("cut.png", Arrays.copyOf(png, png.length / 2)), "PNG");
    assertFailsNaming(write("nifti-named.png", header(4, 3, 2), new byte[24]), "signature");
  }

  /**
   * Headers promising more than the file holds: with the limits raised past the promise, the read
   * stops where the data does; with the default limits, at the header.
   */
  @Test
  void oversizedHeadersAreRefusedBeforeAllocating() throws IOException {
    String[] raised = {"--max-voxels", "2000000000", "--max-decompressed-mb", "2000"};
    assertFailsNaming(write("huge.nii", header(32767, 32767, 32767)), "dim", raised);
    Path big = write("big.nii", header(2000, 2000, 400));
    assertFailsNaming(big, "voxel data", raised);
    assertFailsNaming(big, "dim: 1600000000 voxels exceed the limit of 268435456 voxels per image");
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (OutputStream out = new GZIPOutputStream(gz)) {
      out.write(header(1200, 1200, 1000));
      out.write(new byte[1 << 20]);
    }
    Path claims = write("claims.nii.gz", gz.toByteArray());
    assertFailsNaming(claims, "voxel data", raised);
    assertFailsNaming(claims, "dim: 1440000000 voxels exceed the limit");
  }

  @Test
  void hostileFileNames() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("folder.nii"));
    CliOutcome outcome = read("load", folder);
    assertEquals(1, outcome.exitCode(), outcome.out() + outcome.err());
    assertTrue(outcome.out().contains("folder.nii"), outcome.out());
    outcome.assertNoStackTrace();
    CliOutcome missing = read("ReadImage", dir.resolve("absent.nii.gz"));
    assertEquals(1, missing.exitCode(), missing.out() + missing.err());
    assertTrue(missing.out().contains("absent.nii.gz"), missing.out());
    missing.assertNoStackTrace();
  }

  private Path pngFixture() throws IOException {
    Path png = dir.resolve("fixture.png");
    java.awt.image.BufferedImage picture =
        new java.awt.image.BufferedImage(64, 64, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
    javax.imageio.ImageIO.write(picture, "png", png.toFile());
    return png;
  }
}
