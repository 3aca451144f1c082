package org.voxbeam.kernel.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathMappingTest {
  private final PathMapping mapping =
      PathMapping.relativeTo(Path.of("/data/run"))
          .rewriting("/home/lab/datasets", Path.of("/data/sets"))
          .rewriting("/home/lab/datasets/BraTS", Path.of("/data/brats"))
          .rewriting("../../VoxLogicA", Path.of("/data/v"));

  @Test
  void relativeNamesResolveAgainstTheBaseAndAbsoluteOnesStay() {
    assertEquals(
        Path.of("/data/run/tests/data/t1.nii.gz"), mapping.check(Path.of("tests/data/t1.nii.gz")));
    assertEquals(Path.of("/data/run/out.png"), mapping.check(Path.of("a/../out.png")));
    assertEquals(Path.of("/etc/hosts"), mapping.check(Path.of("/etc/hosts")));
    assertEquals(
        Path.of("x"), new PathMapping(null, List.of()).check(Path.of("x")), "no base: as given");
  }

  @Test
  void theLongestRewrittenPrefixWinsAndOnlyWholeNamesMatch() {
    assertEquals(
        Path.of("/data/brats/case_1/f.nii.gz"),
        mapping.check(Path.of("/home/lab/datasets/BraTS/case_1/f.nii.gz")));
    assertEquals(Path.of("/data/sets/other"), mapping.check(Path.of("/home/lab/datasets/other")));
    assertEquals(Path.of("/data/sets"), mapping.check(Path.of("/home/lab/datasets")));
    assertEquals(
        Path.of("/home/lab/datasets2"),
        mapping.check(Path.of("/home/lab/datasets2")),
        "not a prefix by name");
    assertEquals(
        Path.of("/data/v/datasets"),
        mapping.check(Path.of("../../VoxLogicA/datasets")),
        "relative prefixes too");
  }

  @Test
  void rewritesParseFromTheCommandLineFormAndTravelToWorkers()
      throws IOException, ClassNotFoundException {
    PathMapping.Rewrite rewrite = PathMapping.Rewrite.parse("/home/a=b=c");
    assertEquals(new PathMapping.Rewrite("/home/a", "b=c"), rewrite);
    assertThrows(IllegalArgumentException.class, () -> PathMapping.Rewrite.parse("=/x"));
    assertThrows(IllegalArgumentException.class, () -> PathMapping.Rewrite.parse("/x="));
    assertThrows(IllegalArgumentException.class, () -> PathMapping.Rewrite.parse("/x"));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(mapping);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(mapping, in.readObject());
    }
  }
}
