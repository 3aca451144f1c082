package org.voxbeam.storage.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.io.InputSource;

/** Program inputs read from a real in-JVM HDFS: listing, versions, content, a missing file. */
class HdfsInputsTest {
  private static final HdfsServer SERVER = HdfsServer.shared();
  private static final URI ROOT = SERVER.uri("inputs-test");

  private final HdfsInputs inputs = new HdfsInputs(SERVER.configuration());

  @BeforeAll
  static void upload() throws IOException {
    try (FileSystem fileSystem = FileSystem.newInstance(ROOT, SERVER.configuration())) {
      for (String name : List.of("cases/case01/flair.nii.gz", "cases/case02/flair.nii.gz")) {
        try (OutputStream out = fileSystem.create(new Path(ROOT + "/" + name), true)) {
          out.write(name.getBytes(StandardCharsets.UTF_8));
        }
      }
    }
  }

  @Test
  void aDirectoryListsItsEntriesOrItsTree() throws IOException {
    URI cases = URI.create(ROOT + "/cases");
    assertEquals(
        List.of("case01", "case02"),
        inputs.list(cases, false).orElseThrow().stream().sorted().toList());
    assertEquals(
        List.of("case01", "case01/flair.nii.gz", "case02", "case02/flair.nii.gz"),
        inputs.list(cases, true).orElseThrow().stream().sorted().toList());
    assertTrue(inputs.list(URI.create(ROOT + "/none"), false).isEmpty());
  }

  @Test
  void aFileIsReadWithItsLengthAndTimeAsVersion() throws IOException {
    URI flair = URI.create(ROOT + "/cases/case01/flair.nii.gz");
    byte[] expected = "cases/case01/flair.nii.gz".getBytes(StandardCharsets.UTF_8);
    try (InputStream in = inputs.open(flair)) {
      assertArrayEquals(expected, in.readAllBytes());
    }
    InputSource.Version version = inputs.version(flair).orElseThrow();
    assertEquals(expected.length, version.size());
    assertTrue(version.modifiedNanos() > 0);
    assertEquals("", version.tag());
    assertTrue(inputs.version(URI.create(ROOT + "/cases")).isEmpty());
  }

  @Test
  void aMissingFileIsAbsentAndOpeningItNamesIt() throws IOException {
    URI missing = URI.create(ROOT + "/cases/case09/flair.nii.gz");
    assertTrue(inputs.version(missing).isEmpty());
    NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> inputs.open(missing));
    assertEquals(missing.toString(), e.getMessage());
  }
}
