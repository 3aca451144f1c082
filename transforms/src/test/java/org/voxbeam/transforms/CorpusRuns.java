package org.voxbeam.transforms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonString;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.operator.OperatorRegistry;
import org.voxbeam.kernel.operator.PathMapping;
import org.voxbeam.kernel.store.InMemoryResultStore;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.library.StandardLibrary;
import org.voxbeam.pipeline.corpus.Corpus;
import org.voxbeam.pipeline.corpus.CorpusChecks;
import org.voxbeam.pipeline.corpus.CorpusFixture;
import org.voxbeam.pipeline.corpus.GoalValues;
import org.voxbeam.pipeline.corpus.References;
import org.voxbeam.pipeline.execution.DynamicScheduler;
import org.voxbeam.pipeline.execution.ExecutionListener;
import org.voxbeam.pipeline.execution.GoalResult;
import org.voxbeam.pipeline.execution.NodeEvaluator;
import org.voxbeam.pipeline.execution.SchedulerOptions;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.testkit.Campaign;

/**
 * VoxLogicA-2's own programs run on VoxBeam, unchanged, over the files they name ({@link
 * CorpusFixture}: the T1 volume and a BraTS-style dataset), every declaration a goal: in process
 * and on Beam's DirectRunner they give the same value for every goal, and each value equals its
 * reference as {@code expectations.json} says (VoxLogicA-2's own value, ITK's, NumPy's, a value
 * derived from VoxLogicA-2's code, or an independent check). Goals failing for a procedure another
 * branch provides pass only if the program lists it as waiting, and a listed procedure no goal
 * waits for any more fails the test, so the list is emptied as branches merge.
 *
 * <p>The corpus is run as two test classes, one per part of VoxLogicA-2's tree ({@link
 * CorpusGalleryRunTest}, {@link CorpusTestsRunTest}), so that the build's two test JVMs share it.
 */
abstract class CorpusRuns {
  private static final String UNSUPPORTED = ": a SimpleITK filter VoxBeam does not support yet";
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final OperatorRegistry REGISTRY = StandardLibrary.registry();

  @TempDir static Path temp;

  private static CorpusFixture fixture;
  private static NodeEvaluator evaluator;

  @BeforeAll
  static void buildTheFixture() {
    fixture = CorpusFixture.create(temp.resolve("work"));
    evaluator = new NodeEvaluator(StandardLibrary.registry(fixture.files()));
  }

  /** Whether this class runs {@code program}; the two classes together run the whole corpus. */
  abstract boolean runs(Corpus.Program program);

  /** Every program but the few heavy ones {@code expectations.json} leaves to the campaign. */
  @TestFactory
  Stream<DynamicTest> everyProgramRunsToItsReferencesInProcessAndOnBeam() {
    return programs(false);
  }

  /** The programs that spend seconds in one image kernel on each path. */
  @Campaign
  @TestFactory
  Stream<DynamicTest> theHeavyProgramsRunToTheirReferencesInProcessAndOnBeam() {
    return programs(true);
  }

  private Stream<DynamicTest> programs(boolean campaign) {
    return Corpus.programs().stream()
        .filter(this::runs)
        .filter(program -> program.refusal().isEmpty() && program.waitingGrammar().isEmpty())
        .filter(program -> program.campaign().isPresent() == campaign)
        .map(program -> DynamicTest.dynamicTest(program.name(), () -> check(program)));
  }

  private static void check(Corpus.Program program) {
    Plan plan = program.reduce();
    int own = program.ownGoalCount();
    List<GoalResult> inProcess = inProcess(plan);
    List<GoalResult> onBeam = onBeam(program, plan);
    List<String> problems = new ArrayList<>();
    Set<String> waitedFor = new TreeSet<>();
    Map<String, String> waiting = program.texts("waiting");
    Map<String, String> fails = program.texts("fails");
    Map<String, String> checks = program.texts("checks");
    Map<String, String> agreement = program.texts("agreement");
    JsonObject handValues =
        (JsonObject) program.expectations().get("values").orElse(JsonObject.EMPTY);
    List<JsonObject> voxlogica2 = program.values();
    CorpusChecks.Context context = new CorpusChecks.Context(fixture, program, plan, inProcess);
    for (int g = 0; g < inProcess.size(); g++) {
      GoalResult goal = inProcess.get(g);
      String key =
          g < own
              ? goal.goal().operation().wireName() + " " + goal.goal().name()
              : goal.goal().name();
      Value value = goal.value();
      String text = GoalValues.text(value);
      if (!text.equals(GoalValues.text(onBeam.get(g).value()))) {
        problems.add(
            key
                + ": the DirectRunner gives "
                + GoalValues.text(onBeam.get(g).value())
                + ", in process "
                + text);
      }
      if (value instanceof ErrorValue error) {
        String cause = error.rootCause().message();
        Optional<String> procedure =
            waiting.keySet().stream()
                .filter(p -> cause.contains("simpleitk." + p + UNSUPPORTED))
                .findFirst();
        if (procedure.isPresent()) {
          waitedFor.add(procedure.get());
        } else if (!fails.containsKey(key) || !error.describe().contains(fails.get(key))) {
          problems.add(key + " failed: " + error.describe());
        }
        continue;
      }
      if (fails.containsKey(key)) {
        problems.add(key + " was expected to fail (" + fails.get(key) + ") but gave " + text);
      }
      boolean referenced = false;
      JsonObject theirs = g < voxlogica2.size() ? voxlogica2.get(g) : JsonObject.EMPTY;
      if (theirs.get("repr").isPresent()) {
        referenced = true;
        String repr = ((JsonString) theirs.get("repr").orElseThrow()).value();
        if (!repr.equals(text)) {
          problems.add(key + ": VoxLogicA-2 gives " + repr + ", VoxBeam " + text);
        }
      }
      for (Optional<JsonObject> reference :
          List.of(References.itk(program.name(), key), References.numpy(program.name(), key))) {
        if (reference.isPresent()) {
          referenced = true;
          GoalValues.compare(reference.get(), value).forEach(p -> problems.add(key + ": " + p));
        }
      }
      if (handValues.get(key).isPresent()) {
        referenced = true;
        String want = GoalValues.text(GoalValues.value(handValues.get(key).orElseThrow()));
        if (!want.equals(text)) {
          problems.add(key + ": expected " + want + ", got " + text);
        }
      }
      if (checks.containsKey(key)) {
        referenced = true;
        CorpusChecks.run(checks.get(key), context, key, value)
            .forEach(p -> problems.add(key + ": " + p));
      }
      if (!referenced && !agreement.containsKey(key)) {
        problems.add(key + " has no reference: give it one in expectations.json");
      }
    }
    Set<String> unsupported = unsupportedProcedures(plan);
    for (String procedure : waiting.keySet()) {
      if (!procedure.startsWith(Corpus.GRAMMAR) && !unsupported.contains(procedure)) {
        problems.add(procedure + " runs now: remove it from the waiting list");
      }
    }
    unsupported.removeAll(waiting.keySet());
    if (!unsupported.isEmpty()) {
      problems.add(
          "the program uses SimpleITK procedures VoxBeam does not run yet: "
              + unsupported
              + "; list them as waiting");
    }
    assertTrue(waiting.keySet().containsAll(waitedFor));
    assertTrue(problems.isEmpty(), program.name() + ":\n  " + String.join("\n  ", problems));
  }

  /**
   * The SimpleITK procedures the plan names, in its nodes or in the ImgQL text of its closures,
   * that VoxBeam registers but does not run.
   */
  private static Set<String> unsupportedProcedures(Plan plan) {
    Set<String> names = new TreeSet<>();
    for (Node node : plan.nodes().values()) {
      names.add(node.operator());
      IDENTIFIER
          .matcher(CanonicalJson.write(node.attrs()))
          .results()
          .forEach(m -> names.add(m.group()));
    }
    Set<String> unsupported = new TreeSet<>();
    for (String name : names) {
      String procedure =
          name.startsWith("simpleitk.") ? name.substring("simpleitk.".length()) : name;
      REGISTRY
          .find("simpleitk." + procedure)
          .filter(operator -> !operator.available())
          .ifPresent(operator -> unsupported.add(procedure));
    }
    return unsupported;
  }

  private static List<GoalResult> inProcess(Plan plan) {
    try (InMemoryResultStore store = new InMemoryResultStore()) {
      return new DynamicScheduler(evaluator, store, SchedulerOptions.defaults().withThreads(2))
          .run(plan, ExecutionListener.NONE)
          .goals();
    }
  }

  private static List<GoalResult> onBeam(Corpus.Program program, Plan plan) {
    Path store = temp.resolve("stores").resolve(program.name().replace('/', '_'));
    VoxBeamOptions options = BeamTestRuns.options(store, 4, 0);
    PathMapping files = fixture.files();
    options.setFileBase(files.base());
    options.setMapPath(files.rewrites().stream().map(r -> r.from() + "=" + r.to()).toList());
    List<GoalResult> goals = BeamTestRuns.run(options, plan, lowered -> {}).result().goals();
    assertEquals(plan.goals().size(), goals.size());
    assertTrue(Files.isDirectory(store), "the Beam run used its own store");
    return goals;
  }
}
