package org.voxbeam.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.operators.image.io.ImageFiles;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.reduce.Reducer;

/**
 * On Beam the image makers run in tasks on workers that never ran the load: they still get the
 * program's image, because the model travels as task inputs, and give what the in-process scheduler
 * gives, whatever the stage layout.
 */
class BeamImageModelTest {
  @TempDir Path temp;

  @Test
  void makersOnWorkersUseTheLoadedImage() throws IOException {
    Path image = temp.resolve("image.nii.gz");
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
                InMemoryBlob.adopt(new byte[120])));
    Plan plan =
        Reducer.standard()
            .reduceText(
                "import \"vox1\"\nimport \"simpleitk\"\n"
                    + "img = ReadImage(\""
                    + image
                    + "\")\n"
                    + "print \"loaded\" volume(img >= 0)\n"
                    + "print \"tt\" volume(tt)\n"
                    + "print \"last z\" max(z)\n",
                "beam-model.imgql");
    Map<String, String> expected = BeamTestRuns.goalTexts(BeamTestRuns.inProcess(plan));
    assertEquals("number 120.0", expected.get("tt"));
    assertEquals("number 3.0", expected.get("last z"));
    for (int maxStages : new int[] {1, 8}) {
      BeamRun outcome =
          BeamTestRuns.run(
              BeamTestRuns.options(temp.resolve("store-" + maxStages), maxStages, 4),
              plan,
              lowered -> {});
      assertEquals(expected, BeamTestRuns.goalTexts(outcome.result()), "max stages " + maxStages);
    }
  }
}
