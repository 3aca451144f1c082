package org.voxbeam.operators.simpleitk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.voxbeam.operators.image.Grid;

/** The row-at-a-time window pass gives what the line-at-a-time one gives, on every shape. */
class FlatMorphologyTest {
  @Test
  void rowsAndLinesAgreeAlongYAndZ() {
    Random random = new Random(11);
    int[][] shapes = {{7, 5, 9}, {1, 13, 4}, {5000, 3, 3}, {3, 40, 2}, {9, 1, 1}};
    for (int[] shape : shapes) {
      Grid grid = new Grid(3, shape[0], shape[1], shape[2]);
      byte[] set = new byte[shape[0] * shape[1] * shape[2]];
      for (int i = 0; i < set.length; i++) {
        set[i] = random.nextInt(5) == 0 ? (byte) 1 : 0;
      }
      for (int axis = 1; axis < 3; axis++) {
        for (int r = 2; r <= 5; r++) {
          for (boolean outsideSet : new boolean[] {false, true}) {
            String where = java.util.Arrays.toString(shape) + " axis " + axis + " r " + r;
            assertArrayEquals(
                FlatMorphology.anyPass(set, grid, axis, -r, 2 * r + 1, outsideSet),
                FlatMorphology.anyWithinRows(set, grid, axis, r, outsideSet),
                where);
          }
        }
      }
    }
  }
}
