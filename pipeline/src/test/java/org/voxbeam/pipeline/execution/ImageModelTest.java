package org.voxbeam.pipeline.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.store.InMemoryResultStore;
import org.voxbeam.kernel.value.DType;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.InMemoryBlob;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.io.ImageFiles;
import org.voxbeam.operators.library.StandardLibrary;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.reduce.Reducer;

/**
 * The image makers ({@code tt}, {@code x} …) take the program's loaded image as their model: never
 * before the load, never another run's image, per item inside {@code map}/{@code for}, and with a
 * message naming the fix when a program loads nothing. Node ids stay VoxLogicA-2's.
 */
class ImageModelTest {
  @TempDir static Path dir;
  private static Path small;
  private static Path large;

  /** One evaluator, as an HTTP server shares one among its concurrent runs. */
  private final NodeEvaluator shared = new NodeEvaluator(StandardLibrary.registry());

  @BeforeAll
  static void images() throws IOException {
    small = write("small.nii.gz", 5, 4, 3);
    large = write("large.nii.gz", 9, 7, 6);
  }

  private static Path write(String name, int... size) throws IOException {
    ImageGeometry geometry =
        new ImageGeometry(
            List.of((long) size[0], (long) size[1], (long) size[2]),
            List.of(1.0, 1.0, 1.0),
            List.of(0.0, 0.0, 0.0),
            List.of(1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0));
    byte[] voxels = new byte[size[0] * size[1] * size[2]];
    Path file = dir.resolve(name);
    new ImageFiles().write(file, new ImageValue(geometry, DType.UINT8, InMemoryBlob.adopt(voxels)));
    return file;
  }

  private static String program(Path image) {
    return "import \"vox1\"\n"
        + "import \"simpleitk\"\n"
        + "img = ReadImage(\""
        + image
        + "\")\n"
        + "print \"loaded\" volume(img >= 0)\n"
        + "print \"tt\" volume(tt)\n"
        + "print \"last x\" max(x)\n"
        + "print \"constant\" max(constant(3))\n";
  }

  @Test
  void makersRunAfterTheLoadOnEveryThreadCount() {
    Plan plan = Reducer.standard().reduceText(program(small), "program.imgql");
    for (int threads = 1; threads <= 8; threads *= 2) {
      for (int repeat = 0; repeat < 20; repeat++) {
        Map<String, Value> goals = run(plan, threads);
        assertEquals(new NumberValue(60), goals.get("tt"), "threads " + threads);
        assertEquals(new NumberValue(4), goals.get("last x"));
        assertEquals(new NumberValue(3), goals.get("constant"));
      }
    }
  }

  @Test
  void concurrentRunsSharingOneRegistryEachUseTheirOwnImage() throws Exception {
    Plan smallPlan = Reducer.standard().reduceText(program(small), "small.imgql");
    Plan largePlan = Reducer.standard().reduceText(program(large), "large.imgql");
    ExecutorService clients = Executors.newFixedThreadPool(8);
    try {
      List<Future<Map<String, Value>>> runs = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        Plan plan = i % 2 == 0 ? smallPlan : largePlan;
        runs.add(clients.submit(() -> run(plan, 2)));
      }
      for (int i = 0; i < runs.size(); i++) {
        Map<String, Value> goals = runs.get(i).get();
        assertEquals(new NumberValue(i % 2 == 0 ? 60 : 378), goals.get("tt"), "run " + i);
        assertEquals(new NumberValue(i % 2 == 0 ? 4 : 8), goals.get("last x"), "run " + i);
      }
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void eachItemOfALoopUsesTheImageItLoads() {
    String text =
        "import \"vox1\"\n"
            + "cases = [\""
            + small
            + "\", \""
            + large
            + "\", \""
            + small
            + "\"]\n"
            + "size(path) = let img = load(path) in volume(tt)\n"
            + "print \"sizes\" for p in cases do size(p)\n";
    Map<String, Value> goals = run(Reducer.standard().reduceText(text, "loop.imgql"), 4);
    assertEquals(
        new SequenceValue(List.of(new NumberValue(60), new NumberValue(378), new NumberValue(60))),
        goals.get("sizes"));
  }

  @Test
  void withoutALoadMakersFailNamingTheFix() {
    Plan plan =
        Reducer.standard().reduceText("import \"vox1\"\nprint \"t\" volume(tt)\n", "empty.imgql");
    ErrorValue error = assertInstanceOf(ErrorValue.class, run(plan, 2).get("t"));
    assertTrue(
        error
            .describe()
            .contains("No model loaded: tt builds an image the size of the program's loaded image"),
        error.describe());
  }

  @Test
  void loadsOfDifferentSizesMakeTheModelAmbiguous() {
    String text =
        program(small)
            + "other = ReadImage(\""
            + large
            + "\")\nprint \"other\" volume(other >= 0)\n";
    ErrorValue error =
        assertInstanceOf(
            ErrorValue.class, run(Reducer.standard().reduceText(text, "two.imgql"), 2).get("tt"));
    assertTrue(
        error.describe().contains("differ in size (5×4×3 and 9×7×6)")
            || error.describe().contains("differ in size (9×7×6 and 5×4×3)"),
        error.describe());
  }

  @Test
  void bindingKeepsEveryNodeIdAndOnlyAddsDependencies() {
    Plan plan = Reducer.standard().reduceText(program(small), "program.imgql");
    Plan bound = ImageModelBinding.bind(plan);
    assertNotSame(plan, bound);
    assertEquals(new TreeMap<>(plan.nodes()).keySet(), new TreeMap<>(bound.nodes()).keySet());
    int makers = 0;
    for (Node node : bound.nodes().values()) {
      Node original = plan.nodes().get(node.id());
      assertEquals(original.contentId(), node.contentId());
      assertEquals(original.args(), node.args());
      assertEquals(original.kwargs(), node.kwargs());
      if (node instanceof ModelBoundNode maker) {
        makers++;
        assertEquals(1, maker.modelSources().size(), "the one ReadImage");
        assertTrue(node.dependencies().containsAll(maker.modelSources()));
      }
    }
    assertEquals(3, makers, "tt, x and constant");
    Plan noImages = Reducer.standard().reduceText("print \"n\" 1 + 2\n", "plain.imgql");
    assertEquals(noImages, ImageModelBinding.bind(noImages));
  }

  private Map<String, Value> run(Plan plan, int threads) {
    try (InMemoryResultStore store = new InMemoryResultStore()) {
      RunResult result =
          new DynamicScheduler(shared, store, SchedulerOptions.defaults().withThreads(threads))
              .run(plan, ExecutionListener.NONE);
      Map<String, Value> goals = new TreeMap<>();
      for (GoalResult goal : result.goals()) {
        goals.put(goal.goal().name(), goal.value());
      }
      return goals;
    }
  }
}
