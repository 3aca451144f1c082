package org.voxbeam.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.PythonText;
import org.voxbeam.pipeline.execution.GoalResult;
import org.voxbeam.pipeline.plan.Plan;

/**
 * Runs the examples of the "Java API" section of docs/api.md, which are copied here verbatim
 * between the {@code example} markers; a test fails if the document and this file differ.
 */
class JavaApiExampleTest {
  private static final Path DOCUMENT = Path.of("..", "docs", "api.md");
  private static final Path SOURCE =
      Path.of("src", "test", "java", "org", "voxbeam", "api", "JavaApiExampleTest.java");

  @TempDir Path storeDirectory;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private PrintStream standardOut;

  @BeforeEach
  void capture() {
    standardOut = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(standardOut);
  }

  private List<String> lines() {
    return printed.toString(StandardCharsets.UTF_8).lines().toList();
  }

  @Test
  void runAProgramAndReadItsResult() {
    // example: program
    try (VoxBeam voxbeam = VoxBeam.open(storeDirectory)) {
      Plan plan = VoxBeam.program("xs = range(0, 5)\nprint \"total\" fold + 0 xs", "total.imgql");
      RunReport report = voxbeam.run(plan);
      GoalResult total = report.goals().get(0);
      System.out.println(total.goal().name() + " = " + PythonText.str(total.value()));
      StoredResult stored = voxbeam.result(total.goal().id().hex()).orElseThrow();
      System.out.println("stored as " + stored.value().voxType());
    }
    // end of example
    assertEquals(List.of("total = 10.0", "stored as number"), lines());
  }

  @Test
  void runAPlanOnBeamWithProgress() {
    Path planFile = Path.of("..", "examples", "filter-fold", "plan.json");
    // example: beam
    try (VoxBeam voxbeam = VoxBeam.open(storeDirectory)) {
      Plan plan = VoxBeam.plan(planFile);
      RunSettings settings =
          RunSettings.runner("DirectRunner", List.of("--maxStages=2"))
              .withProgress(
                  progress ->
                      System.err.println(
                          progress.phase() + ": " + progress.done() + "/" + progress.total()));
      RunReport report = voxbeam.run(plan, settings);
      System.out.println(
          report.stats().computed()
              + " computed, "
              + report.bytesWritten().orElse(0)
              + " bytes written");
      report
          .stages()
          .forEach(
              stage ->
                  System.out.println(stage.name() + ": " + stage.elapsed().toMillis() + " ms"));
    }
    // end of example
    List<String> lines = lines();
    assertTrue(lines.get(0).startsWith("12 computed, "), lines.toString());
    // A plan this small is one band (see --minNodesPerStage), cut by the filter's own fan-out
    // stage (items, then assembly): 3 stages.
    assertEquals(
        List.of("planning", "stage 1", "stage 2", "stage 3", "collecting goals"),
        lines.subList(1, lines.size()).stream()
            .map(line -> line.substring(0, line.indexOf(':')))
            .toList());
  }

  @Test
  void theDocumentShowsExactlyTheseExamples() throws IOException {
    String source = Files.readString(SOURCE);
    List<String> tested = new ArrayList<>();
    Matcher example =
        Pattern.compile("(?s)// example: \\w+\\n(.*?)\\n\\s*// end of example").matcher(source);
    while (example.find()) {
      tested.add(example.group(1).stripIndent().strip());
    }
    List<String> documented = new ArrayList<>();
    Matcher block = Pattern.compile("(?s)```java\\n(.*?)```").matcher(Files.readString(DOCUMENT));
    while (block.find()) {
      documented.add(block.group(1).strip());
    }
    assertEquals(tested, documented);
  }
}
