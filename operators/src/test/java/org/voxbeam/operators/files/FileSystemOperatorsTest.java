package org.voxbeam.operators.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.io.ExternalReads;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.PythonStringOrder;
import org.voxbeam.kernel.operator.Arguments;
import org.voxbeam.kernel.operator.FileAccess;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.operator.OperatorRegistry;
import org.voxbeam.kernel.operator.Purity;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.library.StandardLibrary;

/** {@code default.dir} against a small tree, with pathlib's answers for the same calls. */
class FileSystemOperatorsTest {
  @TempDir Path root;
  private final OperatorRegistry registry = StandardLibrary.registry();

  @BeforeEach
  void tree() throws IOException {
    for (String file :
        List.of(
            "b.nii.gz",
            "a.nii.gz",
            "notes.txt",
            ".hidden.nii.gz",
            "Z.nii.gz",
            "sub/c.nii.gz",
            "sub/deep/d.nii.gz",
            "sub/deep/e.txt",
            "other/f.nii")) {
      Path path = root.resolve(file);
      Files.createDirectories(path.getParent());
      Files.writeString(path, file);
    }
  }

  @Test
  void listsTopLevelEntriesSortedByCodePoint() {
    assertEquals(
        List.of(".hidden.nii.gz", "Z.nii.gz", "a.nii.gz", "b.nii.gz", "notes.txt", "other", "sub"),
        dir(str(root.toString())));
    assertEquals(
        List.of(".hidden.nii.gz", "Z.nii.gz", "a.nii.gz", "b.nii.gz"),
        dir(str(root.toString()), str("*.nii.gz")));
  }

  @Test
  void recursiveMatchesAtAnyDepthAndPatternsMayNameDirectories() {
    assertEquals(
        List.of(
            ".hidden.nii.gz",
            "Z.nii.gz",
            "a.nii.gz",
            "b.nii.gz",
            "sub/c.nii.gz",
            "sub/deep/d.nii.gz"),
        dir(str(root.toString()), str("*.nii.gz"), BooleanValue.TRUE));
    assertEquals(
        List.of("sub/deep/d.nii.gz"), dir(str(root.toString()), str("sub/*/*.gz"), str("no")));
    assertEquals(
        List.of("sub/c.nii.gz", "sub/deep/d.nii.gz"),
        dir(str(root.toString()), str("sub/**/*.gz")));
    assertEquals(
        List.of("sub/deep/d.nii.gz"), dir(str(root.toString()), str("*/*/d*"), str("off")));
    assertEquals(
        List.of("sub/deep", "sub/deep/d.nii.gz"), dir(str(root.toString()), str("d*"), str("on")));
  }

  @Test
  void fullPathsAreAbsolute() throws IOException {
    List<String> full =
        dir(str(root.toString()), str("*.txt"), BooleanValue.TRUE, new IntegerValue(1));
    assertEquals(
        List.of(
            root.toRealPath().resolve("notes.txt").toString(),
            root.toRealPath().resolve("sub/deep/e.txt").toString()),
        full);
  }

  @Test
  void refusesMissingRootsFilesAndBadFlags() throws IOException {
    assertEquals(
        "dir root not found: " + root.resolve("missing"),
        failure(str(root.resolve("missing").toString())));
    assertEquals(
        "dir root is not a directory: " + root.resolve("notes.txt"),
        failure(str(root.resolve("notes.txt").toString())));
    assertEquals(
        "dir recursive must be boolean-like, got: 'maybe'",
        failure(str(root.toString()), str("*"), str("maybe")));
    assertEquals(
        "dir pattern must be relative, got: /etc/*", failure(str(root.toString()), str("/etc/*")));
  }

  @Test
  void rootGoesThroughTheFileAccessPolicy() {
    FileAccess onlySub =
        path -> {
          if (!path.startsWith(root.resolve("sub"))) {
            throw new OperatorException("file " + path + " is outside the data roots");
          }
          return path;
        };
    OperatorRegistry confined = StandardLibrary.registry(onlySub);
    Arguments outside = Arguments.of(List.of(str(root.toString())));
    assertTrue(
        assertThrows(OperatorException.class, () -> confined.require("default.dir").apply(outside))
            .getMessage()
            .contains("outside the data roots"));
    assertEquals(
        new SequenceValue(List.of(str("c.nii.gz"), str("deep"))),
        confined
            .require("default.dir")
            .apply(Arguments.of(List.of(str(root.resolve("sub").toString())))));
  }

  /**
   * A listing's result is reusable (pure) because {@code dir} declares what it reads: the root's
   * own entries, or the whole tree below it when matches may lie deeper.
   */
  @Test
  void theListingItReadsIsDeclaredSoItsResultCanBeReused() {
    assertEquals(Purity.PURE, registry.require("default.dir").purity());
    assertEquals(List.of("listing " + root), declared(str(root.toString()), str("*.nii.gz")));
    assertEquals(List.of("tree " + root), declared(str(root.toString()), str("sub/*.nii.gz")));
    assertEquals(
        List.of("tree " + root), declared(str(root.toString()), str("*.txt"), BooleanValue.TRUE));
  }

  private List<String> declared(Value... args) {
    List<String> reads = new ArrayList<>();
    ExternalReads recorder =
        new ExternalReads() {
          @Override
          public Path file(Path file) {
            reads.add("file " + file);
            return file;
          }

          @Override
          public Path listing(Path directory, boolean recursive) {
            reads.add((recursive ? "tree " : "listing ") + directory);
            return directory;
          }

          @Override
          public URI remoteFile(URI object) {
            reads.add("file " + object);
            return object;
          }

          @Override
          public URI remoteListing(URI folder, boolean recursive) {
            reads.add((recursive ? "tree " : "listing ") + folder);
            return folder;
          }
        };
    registry
        .require("default.dir")
        .apply(new Arguments(Arrays.asList(args), Map.of(), JsonObject.EMPTY, recorder));
    return reads;
  }

  @Test
  void codePointOrderIsPythonsNotUtf16s() {
    List<String> names = new ArrayList<>(List.of("\uFB01", "\uD83D\uDE00", "a"));
    names.sort(PythonStringOrder.INSTANCE);
    assertEquals(List.of("a", "\uFB01", "\uD83D\uDE00"), names);
  }

  private List<String> dir(Value... args) {
    SequenceValue listing =
        (SequenceValue) registry.require("default.dir").apply(Arguments.of(Arrays.asList(args)));
    List<String> out = new ArrayList<>();
    for (Value item : listing.items()) {
      out.add(((StringValue) item).value());
    }
    return out;
  }

  private String failure(Value... args) {
    return assertThrows(
            OperatorException.class,
            () -> registry.require("default.dir").apply(Arguments.of(Arrays.asList(args))))
        .getMessage();
  }

  private static Value str(String value) {
    return new StringValue(value);
  }
}
