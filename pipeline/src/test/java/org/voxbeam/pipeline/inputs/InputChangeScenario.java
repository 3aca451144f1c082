package org.voxbeam.pipeline.inputs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.pipeline.execution.RunResult;
import org.voxbeam.pipeline.execution.ValueJson;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.reduce.Reducer;

/**
 * A program run over a folder of cases, on a schedule, against one store, while the user touches,
 * replaces, adds and deletes input files between runs: after every change, every run's values equal
 * a fresh store's, and the cases the change did not touch are not computed again (counted as items
 * read from the store). Each engine runs it through a subclass.
 */
public abstract class InputChangeScenario {
  private static final int CASES = 4;

  @TempDir protected Path temp;

  /** Runs {@code plan} against the persistent store in {@code store}. */
  protected abstract RunResult run(Plan plan, Path store);

  /** Runs {@code plan} against a store that holds nothing yet. */
  protected abstract RunResult fresh(Plan plan);

  @Test
  void mappingOverTheListingComputesOnlyTheCasesThatChanged() throws IOException {
    CaseFolder folder = CaseFolder.of(temp.resolve("cases"), CASES);
    Plan plan = Reducer.standard().reduceText(folder.pathProgram(), "cases.imgql");
    Path store = temp.resolve("store");

    RunResult first = run(plan, store);
    assertItems(first, 2 * CASES, 0, "first run: every case, twice (cases and volumes)");
    assertEquals(texts(fresh(plan)), texts(first));

    RunResult unchanged = runAndCompare(plan, store);
    assertEquals(0, unchanged.stats().computed(), "nothing changed: nothing computed");

    folder.touch("case_002");
    RunResult touched = runAndCompare(plan, store);
    assertEquals(
        0, touched.stats().computed(), "same bytes, newer time: re-hashed, not recomputed");
    assertItems(touched, 0, 0, "the stored volumes still stand");

    folder.replace("case_001", 5);
    RunResult replaced = runAndCompare(plan, store);
    assertItems(
        replaced,
        1,
        CASES - 1,
        "only the replaced case is segmented again (the count is still valid)");

    folder.add("case_001_5", 7);
    RunResult added = runAndCompare(plan, store);
    assertItems(
        added,
        2,
        2 * CASES,
        "the new case, in both maps; the others moved one place and are read back");

    folder.delete("case_002");
    RunResult deleted = runAndCompare(plan, store);
    assertItems(deleted, 0, 2 * CASES, "no case is new");
  }

  @Test
  void theBundledExampleGivesAFreshStoresValuesAfterEveryChange() throws IOException {
    CaseFolder folder = CaseFolder.of(temp.resolve("cases"), CASES);
    Plan plan = Reducer.standard().reduceText(folder.indexProgram(), "program.imgql");
    Path store = temp.resolve("store");
    RunResult first = run(plan, store);
    assertEquals(texts(fresh(plan)), texts(first));
    assertEquals("number 4.0", texts(first).get("cases"));

    folder.touch("case_003");
    assertItems(runAndCompare(plan, store), 0, 0, "touched, not changed");

    folder.replace("case_001", 5);
    RunResult replaced = runAndCompare(plan, store);
    assertItems(
        replaced,
        2,
        2 * CASES - 2,
        "the replaced case is scored again and its new row of scores read again (dices);"
            + " the other cases of both loops are read back");

    folder.add("case_001_5", 7);
    RunResult added = runAndCompare(plan, store);
    assertEquals("number 5.0", texts(added).get("cases"), "the count follows the folder");

    folder.delete("case_000");
    RunResult deleted = runAndCompare(plan, store);
    assertEquals("number 4.0", texts(deleted).get("cases"));
  }

  /** Runs against the store, and checks the values against a fresh store's. */
  private RunResult runAndCompare(Plan plan, Path store) {
    RunResult result = run(plan, store);
    assertEquals(texts(fresh(plan)), texts(result), "the same values as a fresh store");
    return result;
  }

  private static void assertItems(RunResult result, long computed, long cached, String why) {
    assertEquals(
        computed,
        result.stats().items().computed(),
        why + ": items computed " + result.stats().items());
    assertEquals(
        cached,
        result.stats().items().cached(),
        why + ": items from the store " + result.stats().items());
    assertEquals(0, result.stats().items().failed(), why);
  }

  /** Each goal's value as comparable text. */
  protected static Map<String, String> texts(RunResult result) {
    Map<String, String> texts = new TreeMap<>();
    result.goals().forEach(goal -> texts.put(goal.goal().name(), text(goal.value())));
    return texts;
  }

  private static String text(Value value) {
    if (value instanceof ErrorValue error) {
      return "error: " + error.describe();
    }
    return value.voxType() + " " + CanonicalJson.write(ValueJson.toJson(value));
  }
}
