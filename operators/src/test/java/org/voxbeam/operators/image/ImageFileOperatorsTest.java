package org.voxbeam.operators.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.io.ExternalReads;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.operator.Arguments;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.operator.OperatorRegistry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.library.StandardLibrary;
import org.voxbeam.testkit.SharedFixtures;

/**
 * The loaders declare every file they read, before reading it, so the engine can fingerprint it:
 * {@code load} of a text file and of an image, {@code ReadImage}; a file that is missing is
 * declared too (its absence is what the result depended on) and then refused.
 */
class ImageFileOperatorsTest {
  private final OperatorRegistry registry = StandardLibrary.registry();

  @TempDir Path dir;

  @Test
  void loadersDeclareTheFilesTheyRead() throws IOException {
    Path text = Files.writeString(dir.resolve("lines.txt"), "a\nb\n");
    Path image = SharedFixtures.shared().resolve("data/synthetic/images/case_000_0000.nii.gz");
    List<String> reads = new ArrayList<>();
    assertEquals(
        new SequenceValue(List.of(new StringValue("a"), new StringValue("b"))),
        apply("default.load", text, reads));
    assertEquals(ImageValue.class, apply("default.load", image, reads).getClass());
    assertEquals(ImageValue.class, apply("simpleitk.ReadImage", image, reads).getClass());
    assertEquals(List.of(text.toString(), image.toString(), image.toString()), reads);

    Path missing = dir.resolve("missing.txt");
    assertThrows(OperatorException.class, () -> apply("default.load", missing, reads));
    assertEquals(missing.toString(), reads.get(3));
  }

  @Test
  void loadingASequenceReadsNoFile() {
    List<String> reads = new ArrayList<>();
    Value items = new SequenceValue(List.of(new StringValue("x")));
    registry
        .require("default.load")
        .apply(new Arguments(List.of(items), Map.of(), JsonObject.EMPTY, recorder(reads)));
    assertEquals(List.of(), reads);
  }

  private Value apply(String operator, Path file, List<String> reads) {
    return registry
        .require(operator)
        .apply(
            new Arguments(
                List.of(new StringValue(file.toString())),
                Map.of(),
                JsonObject.EMPTY,
                recorder(reads)));
  }

  private static ExternalReads recorder(List<String> reads) {
    return new ExternalReads() {
      @Override
      public Path file(Path file) {
        reads.add(file.toString());
        return file;
      }

      @Override
      public Path listing(Path directory, boolean recursive) {
        throw new AssertionError("a loader lists no directory");
      }

      @Override
      public URI remoteFile(URI object) {
        reads.add(object.toString());
        return object;
      }

      @Override
      public URI remoteListing(URI folder, boolean recursive) {
        throw new AssertionError("a loader lists no folder");
      }
    };
  }
}
