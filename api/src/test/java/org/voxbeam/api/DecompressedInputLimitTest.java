package org.voxbeam.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.testkit.HostileImages;

/**
 * Decompression bombs under 1 MB on disk put at most the decompressed-size limit into the store:
 * one whose header declares more than the limit fails its node before anything is inflated, and one
 * whose header is small but whose gzip stream goes on for 120 MB stores only the voxels its header
 * declares.
 */
class DecompressedInputLimitTest {
  private static final long LIMIT = 16L << 20;

  @TempDir Path dir;

  @Test
  void bombsUnderAMegabyteCannotGrowTheStorePastTheLimit() throws IOException {
    Path declared = HostileImages.niftiGzipBomb(dir.resolve("declared.nii.gz"), 512, 512, 512);
    assertTrue(
        Files.size(declared) < 1 << 20, "a 128 MB bomb of " + Files.size(declared) + " bytes");
    Path trailing = HostileImages.niftiGzipBomb(dir.resolve("trailing.nii.gz"), 256, 256, 128);
    appendZeroMembers(trailing, 120);
    assertTrue(
        Files.size(trailing) < 1 << 20,
        "8 MB of voxels and 120 MB more, in " + Files.size(trailing) + " bytes");

    Path store = dir.resolve("store");
    RunSettings settings =
        RunSettings.inProcess().withLimits(Limits.DEFAULTS.withMaxDecompressedBytes(LIMIT));
    try (VoxBeam voxbeam = VoxBeam.open(store)) {
      Value refused = voxbeam.run(program(declared), settings).goals().get(0).value();
      assertTrue(refused instanceof ErrorValue, "the 128 MB bomb fails its node: " + refused);
      assertTrue(
          ((ErrorValue) refused).message().contains("exceed the limit of " + LIMIT + " bytes"),
          ((ErrorValue) refused).message());
      assertTrue(blobBytes(store) < 1 << 20, "nothing of it was stored: " + blobBytes(store));

      Value read = voxbeam.run(program(trailing), settings).goals().get(0).value();
      assertTrue(read instanceof ImageValue, "the small header is read: " + read);
      assertEquals(256L * 256 * 128, ((ImageValue) read).voxels().size());
    }
    assertTrue(
        blobBytes(store) <= (256L * 256 * 128) + (1 << 20),
        "only the declared voxels reached the store: " + blobBytes(store));
  }

  private static org.voxbeam.pipeline.plan.Plan program(Path image) {
    String path = image.toAbsolutePath().toString().replace('\\', '/');
    return VoxBeam.program(
        "import \"simpleitk\"\nprint \"image\" ReadImage(\"" + path + "\")", "bomb.imgql");
  }

  private static void appendZeroMembers(Path file, int mebibytes) throws IOException {
    ByteArrayOutputStream member = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(member)) {
      gzip.write(new byte[1 << 20]);
    }
    try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
      for (int i = 0; i < mebibytes; i++) {
        member.writeTo(out);
      }
    }
  }

  private static long blobBytes(Path store) throws IOException {
    Path blobs = store.resolve("blobs");
    if (!Files.isDirectory(blobs)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(blobs)) {
      return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
    }
  }
}
