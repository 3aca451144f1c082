package org.voxbeam.pipeline.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.store.InMemoryResultStore;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.library.StandardLibrary;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.reduce.Reducer;
import org.voxbeam.testkit.SharedFixtures;

/**
 * The dataset example, {@code examples/synthetic-dataset/program.imgql}, run in process over the 20
 * synthetic cases: {@code dir} lists them, a {@code for} segments each, and every case's segmented
 * volume, label volume and Dice must equal what this test computes straight from the files with its
 * own minimal NIfTI reader (gzip, {@code dim}, {@code vox_offset}, uint8 voxels).
 */
class SyntheticDatasetProgramTest {
  private static final Path PROGRAM =
      Path.of("..", "examples", "synthetic-dataset", "program.imgql");

  @Test
  void everyCaseMatchesItsLabelMask() throws IOException {
    Path data = SharedFixtures.shared().resolve("data");
    Map<String, Value> goals = run(data);

    Path images = data.resolve("synthetic/images");
    Path labels = data.resolve("synthetic/labels");
    List<Value> rows = ((SequenceValue) goals.get("segmented, labelled, dice per case")).items();
    assertEquals(20, rows.size());
    assertEquals(new NumberValue(20), goals.get("cases"));
    double diceSum = 0;
    for (int c = 0; c < 20; c++) {
      String id = String.format("case_%03d", c);
      byte[] image = voxels(images.resolve(id + "_0000.nii.gz"));
      byte[] label = voxels(labels.resolve(id + ".nii.gz"));
      long segmented = 0;
      long labelled = 0;
      long both = 0;
      for (int i = 0; i < image.length; i++) {
        boolean bright = (image[i] & 0xff) > 127;
        boolean inLabel = label[i] != 0;
        segmented += bright ? 1 : 0;
        labelled += inLabel ? 1 : 0;
        both += bright && inLabel ? 1 : 0;
      }
      double dice = segmented + labelled == 0 ? 1.0 : 2.0 * both / (segmented + labelled);
      diceSum += dice;
      List<Value> row = ((SequenceValue) rows.get(c)).items();
      assertEquals(segmented, number(row.get(0)), id + " segmented volume");
      assertEquals(labelled, number(row.get(1)), id + " label volume");
      assertEquals(dice, number(row.get(2)), 1e-12, id + " Dice");
    }
    assertEquals(diceSum / 20, number(goals.get("mean dice")), 1e-12);
  }

  /** The example with its data folder pointed at the shared fixtures. */
  private static Map<String, Value> run(Path data) throws IOException {
    String text = Files.readString(PROGRAM).replace("\"../shared/data/", "\"" + data + "/");
    Plan plan = Reducer.standard().reduceText(text, "program.imgql");
    try (InMemoryResultStore store = new InMemoryResultStore()) {
      RunResult result =
          new DynamicScheduler(
                  new NodeEvaluator(StandardLibrary.registry()),
                  store,
                  SchedulerOptions.defaults().withThreads(4))
              .run(plan, ExecutionListener.NONE);
      Map<String, Value> goals = new TreeMap<>();
      for (GoalResult goal : result.goals()) {
        assertFalse(goal.failed(), () -> goal.goal().name() + " failed: " + goal.value());
        goals.put(goal.goal().name(), goal.value());
      }
      return goals;
    }
  }

  private static double number(Value value) {
    return ((NumberValue) value).value();
  }

  /** The uint8 voxels of a gzipped NIfTI-1 file, read without VoxBeam's codec. */
  private static byte[] voxels(Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      bytes = out.toByteArray();
    }
    ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(348, header.getInt(0), file + " sizeof_hdr");
    assertEquals(2, header.getShort(70), file + " datatype uint8");
    int count = 1;
    for (int axis = 1; axis <= header.getShort(40); axis++) {
      count *= header.getShort(40 + 2 * axis);
    }
    int offset = (int) header.getFloat(108);
    byte[] voxels = new byte[count];
    System.arraycopy(bytes, offset, voxels, 0, count);
    return voxels;
  }
}
