package org.voxbeam.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.operators.image.io.ImageFiles;
import org.voxbeam.pipeline.execution.GoalResult;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.reduce.Reducer;

/**
 * A stored result that the store lists but can no longer deliver (its blob is corrupt, so reading
 * it quarantines the blob) is computed again on Beam, as the in-process scheduler does, never
 * reported as a failure; and the failure it caused on the way is not committed, so the store is not
 * poisoned for later runs.
 */
class BeamLostResultTest {
  @TempDir Path temp;

  @Test
  void goalsWhoseBlobsAreCorruptAreComputedAgain() throws IOException {
    Path image = temp.resolve("image.nii.gz");
    byte[] voxels = new byte[120];
    for (int i = 0; i < voxels.length; i++) {
      voxels[i] = (byte) (i % 7);
    }
    new ImageFiles()
        .write(
            image,
            new ImageValue(
                new ImageGeometry(
                    List.of(6L, 5L, 4L),
                    List.of(1.0, 1.0, 1.0),
                    List.of(0.0, 0.0, 0.0),
                    List.of(1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0)),
                DType.UINT8,
                InMemoryBlob.adopt(voxels)));
    Plan plan =
        Reducer.standard()
            .reduceText(
                "import \"vox1\"\nimport \"simpleitk\"\n"
                    + "img = ReadImage(\""
                    + image
                    + "\")\n"
                    + "mask = img >= 3\n"
                    + "print \"mask\" mask\n"
                    + "print \"voxels\" volume(mask)\n",
                "lost.imgql");
    Map<String, String> expected = BeamTestRuns.goalTexts(BeamTestRuns.inProcess(plan));
    Path store = temp.resolve("store");
    VoxBeamOptions options = BeamTestRuns.options(store, 8, 4);
    assertEquals(
        expected, BeamTestRuns.goalTexts(BeamTestRuns.run(options, plan, lowered -> {}).result()));

    corruptBlobs(store);
    BeamRun again = BeamTestRuns.run(options, plan, lowered -> {});

    assertFalse(
        again.result().goals().stream().anyMatch(GoalResult::failed),
        again.result().goals().toString());
    assertEquals(expected, BeamTestRuns.goalTexts(again.result()));
    assertTrue(
        again.metrics().computed() >= 2,
        "the image and the mask are computed again: " + again.metrics());
    BeamRun third = BeamTestRuns.run(options, plan, lowered -> {});
    assertEquals(expected, BeamTestRuns.goalTexts(third.result()));
    assertEquals(
        0, third.metrics().computed(), "the recomputed results were stored: " + third.metrics());
  }

  /** Same size, other content: listed as present, refused once read and hashed. */
  private static void corruptBlobs(Path store) throws IOException {
    List<Path> blobs;
    try (Stream<Path> files = Files.walk(store.resolve("blobs"))) {
      blobs = files.filter(Files::isRegularFile).toList();
    }
    assertFalse(blobs.isEmpty(), "the images should be stored as blobs");
    for (Path blob : blobs) {
      byte[] content = Files.readAllBytes(blob);
      for (int i = 0; i < content.length; i++) {
        content[i] = (byte) ~content[i];
      }
      Files.write(blob, content);
    }
  }
}
