package org.voxbeam.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.store.InMemoryResultStore;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.library.StandardLibrary;
import org.voxbeam.pipeline.execution.DynamicScheduler;
import org.voxbeam.pipeline.execution.ExecutionListener;
import org.voxbeam.pipeline.execution.NodeEvaluator;
import org.voxbeam.pipeline.execution.SchedulerOptions;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.reduce.Reducer;
import org.voxbeam.testkit.SharedFixtures;

/**
 * VoxLogicA-2's tumour-segmentation program (the golden BraTS plan's source), unchanged but for its
 * dataset folder, over a BraTS-style folder built from the 20 synthetic cases ({@code
 * case_NNN_flair.nii.gz}): it lists the FLAIR files with {@code dir}, takes the first 15, and maps
 * reading, preprocessing (percentiles inside the brain), segmentation (smoothen, grow) and volume
 * over them. In process and on Beam (where the maps fan out per case) it must give the same 15
 * volumes.
 */
class BratsStyleDatasetTest {
  private static final String GOLDEN_ROOT = "\"../../VoxLogicA/datasets/BraTS_2019_HGG\"";

  @TempDir Path temp;

  @Test
  void theBratsProgramRunsOnASyntheticDatasetAlikeInProcessAndOnBeam() throws IOException {
    Path dataset = Files.createDirectories(temp.resolve("dataset"));
    try (Stream<Path> images =
        Files.list(SharedFixtures.shared().resolve("data/synthetic/images"))) {
      for (Path image : images.toList()) {
        String name = image.getFileName().toString().replace("_0000.nii.gz", "_flair.nii.gz");
        Files.copy(image, dataset.resolve(name));
      }
    }
    String golden =
        SharedFixtures.read(
            SharedFixtures.golden().resolve("plans/brats-segmentation/program.imgql"));
    assertTrue(golden.contains(GOLDEN_ROOT), "the golden program changed");
    String source =
        golden.replace(GOLDEN_ROOT, "\"" + dataset.toString().replace('\\', '/') + "\"");
    Plan plan = Reducer.standard().reduceText(source, "brats-synthetic.imgql");

    Value inProcess;
    try (InMemoryResultStore store = new InMemoryResultStore()) {
      inProcess =
          new DynamicScheduler(
                  new NodeEvaluator(StandardLibrary.registry()), store, SchedulerOptions.defaults())
              .run(plan, ExecutionListener.NONE)
              .goals()
              .get(0)
              .value();
    }
    List<Value> volumes = ((SequenceValue) inProcess).items();
    assertEquals(15, volumes.size());
    for (Value volume : volumes) {
      assertTrue(((NumberValue) volume).value() > 0, volumes.toString());
    }
    assertFalse(
        volumes.stream().distinct().count() < 10, "suspiciously uniform volumes: " + volumes);

    VoxBeamOptions options = BeamTestRuns.options(temp.resolve("store"), 8, 4);
    Value onBeam = BeamTestRuns.run(options, plan, lowered -> {}).result().goals().get(0).value();
    assertEquals(inProcess, onBeam);
  }
}
