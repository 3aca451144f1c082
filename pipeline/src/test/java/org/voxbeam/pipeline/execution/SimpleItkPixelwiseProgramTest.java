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
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.store.InMemoryResultStore;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.library.StandardLibrary;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.reduce.Reducer;
import org.voxbeam.testkit.SharedFixtures;

/**
 * An ImgQL program of SimpleITK's pixel-wise, intensity and threshold procedures, reduced and run
 * in process on a synthetic case, against values this test computes from the NIfTI files with its
 * own reader: Otsu's threshold separates the bright squares (the classes are far apart), uint8
 * arithmetic wraps, masks keep what the label marks.
 */
class SimpleItkPixelwiseProgramTest {

  @Test
  void pixelwiseProceduresRunAsAProgram() throws IOException {
    Path data = SharedFixtures.shared().resolve("data/synthetic");
    Path imageFile = data.resolve("images/case_002_0000.nii.gz");
    Path labelFile = data.resolve("labels/case_002.nii.gz");
    String program =
        String.join(
            "\n",
            "import \"simpleitk\"",
            "img = ReadImage(\"" + imageFile + "\")",
            "label = ReadImage(\"" + labelFile + "\")",
            "otsu = OtsuThreshold(img, 0, 1, 128)",
            "bright = BinaryThreshold(img, 127.5, 255, 1, 0)",
            "print \"otsu\" volume(otsu)",
            "print \"agree\" volume(Equal(otsu, bright))",
            "print \"wrapped maximum\" max(img + img)",
            "print \"masked\" volume(Mask(img, label))",
            "f = Cast(img, GetPixelIDValueFromString(\"sitkFloat32\"))",
            "print \"rescaled maximum\" max(RescaleIntensity(f, 0, 1))",
            "print \"doubled mean\" avg(NaryAdd(f, f), img >= 0)",
            "");
    Map<String, Value> goals = run(program);

    byte[] image = voxels(imageFile);
    byte[] label = voxels(labelFile);
    long above = 0;
    long masked = 0;
    int wrapped = 0;
    double sum = 0;
    for (int i = 0; i < image.length; i++) {
      int v = image[i] & 0xff;
      above += v > 127 ? 1 : 0;
      masked += v != 0 && label[i] != 0 ? 1 : 0;
      wrapped = Math.max(wrapped, (2 * v) & 0xff);
      sum += 2.0 * v;
    }
    assertEquals(above, number(goals.get("otsu")), "voxels above Otsu's threshold");
    assertEquals(image.length, number(goals.get("agree")), "Otsu agrees with > 127 everywhere");
    assertEquals(wrapped, number(goals.get("wrapped maximum")), "uint8 + uint8 wraps");
    assertEquals(masked, number(goals.get("masked")));
    assertEquals(1.0, number(goals.get("rescaled maximum")));
    assertEquals(sum / image.length, number(goals.get("doubled mean")), 1e-9);
  }

  private static Map<String, Value> run(String program) {
    Plan plan = Reducer.standard().reduceText(program, "pixelwise.imgql");
    try (InMemoryResultStore store = new InMemoryResultStore()) {
      RunResult result =
          new DynamicScheduler(
                  new NodeEvaluator(StandardLibrary.registry()),
                  store,
                  SchedulerOptions.defaults().withThreads(2))
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
