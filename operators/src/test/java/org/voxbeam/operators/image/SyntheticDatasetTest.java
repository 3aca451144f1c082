package org.voxbeam.operators.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.operator.Arguments;
import org.voxbeam.kernel.operator.OperatorRegistry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.library.StandardLibrary;
import org.voxbeam.testkit.SharedFixtures;

/**
 * The 20 synthetic cases end to end through the registered operators: load, threshold at the
 * dataset's 127, keep the components that have an interior voxel ({@code through(interior(b), b)},
 * which would drop specks), and compare with the label volume. Thresholding never selects a voxel
 * outside the labels, but some labelled squares are not brighter than 127, so Dice is below 1 in
 * four cases; a case without squares (empty against empty) counts as Dice 1.
 */
class SyntheticDatasetTest {
  private final OperatorRegistry registry = StandardLibrary.registry();

  /**
   * Per case: voxels in both, voxels above 127, labelled voxels. Computed independently with a
   * short Python script (gzip + struct, raw bytes after vox_offset, {@code v > 127} and {@code
   * label > 0}).
   */
  private static final int[][] EXPECTED = {
    {512, 512, 512},
    {0, 0, 0},
    {4710, 4710, 4941},
    {4715, 4715, 5075},
    {7758, 7758, 7758},
    {11665, 11665, 11665},
    {1000, 1000, 1000},
    {0, 0, 0},
    {2873, 2873, 3107},
    {0, 0, 0},
    {1512, 1512, 1512},
    {1000, 1000, 1000},
    {2024, 2024, 2240},
    {1331, 1331, 1331},
    {7457, 7457, 7457},
    {3887, 3887, 3887},
    {5472, 5472, 5472},
    {1241, 1241, 1241},
    {0, 0, 0},
    {0, 0, 0}
  };

  @Test
  void thresholdSegmentationMatchesEveryLabel() throws IOException {
    Path root = SharedFixtures.shared().resolve("data/synthetic");
    for (int c = 0; c < 20; c++) {
      String id = String.format("case_%03d", c);
      ImageValue image =
          (ImageValue)
              call(
                  "default.load",
                  new StringValue(root.resolve("images/" + id + "_0000.nii.gz").toString()));
      ImageValue label =
          (ImageValue)
              call(
                  "simpleitk.ReadImage",
                  new StringValue(root.resolve("labels/" + id + ".nii.gz").toString()));
      ImageValue bright = (ImageValue) call("vox1.>", image, new NumberValue(127));
      ImageValue segmented =
          (ImageValue) call("vox1.through", call("vox1.interior", bright), bright);
      ImageValue truth = (ImageValue) call("vox1.>", label, new NumberValue(0));
      double overlap = number(call("vox1.volume", call("vox1.and", segmented, truth)));
      double selected = number(call("vox1.volume", segmented));
      double labelled = number(call("vox1.volume", truth));
      assertEquals(EXPECTED[c][0], overlap, id);
      assertEquals(EXPECTED[c][1], selected, id);
      assertEquals(EXPECTED[c][2], labelled, id);
      double dice = selected + labelled == 0 ? 1.0 : 2 * overlap / (selected + labelled);
      if (EXPECTED[c][1] == EXPECTED[c][2]) {
        assertEquals(1.0, dice, id);
      } else {
        assertEquals(true, dice > 0.9 && dice < 1.0, id + " Dice " + dice);
      }
      assertEquals(image.geometry(), label.geometry());
    }
  }

  private Value call(String name, Value... args) {
    return registry.require(name).apply(Arguments.of(List.of(args)));
  }

  private static double number(Value value) {
    return ((NumberValue) value).value();
  }
}
