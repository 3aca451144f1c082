package org.voxbeam.pipeline.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.pipeline.lang.ImgqlSyntaxException;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.reduce.ReduceException;

/**
 * Every program of the corpus reduces as VoxLogicA-2's own parser and reducer reduce it: the same
 * goals (its print and save commands, then every parameterless declaration) with the same node ids,
 * and the same set of node ids in the whole plan. A program VoxLogicA-2 refuses, VoxBeam refuses
 * too: a syntax error at the same line, or a reduction error. A program waiting for grammar this
 * branch does not have (listed in {@code expectations.json}) must still be refused by the parser,
 * so the entry is removed once the parser learns it.
 */
class CorpusReductionTest {

  @TestFactory
  Stream<DynamicTest> everyProgramReducesToVoxLogicA2sGoalsAndNodeIds() {
    return Corpus.programs().stream()
        .map(program -> DynamicTest.dynamicTest(program.name(), () -> check(program)));
  }

  @Test
  void everyProgramOfTheCorpusHasVoxLogicA2sVerdictAndExpectations() throws Exception {
    Path root =
        Path.of(CorpusReductionTest.class.getResource("/org/voxbeam/pipeline/corpus").toURI());
    List<String> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(p -> p.toString().endsWith(".imgql"))
              .map(p -> root.relativize(p).toString())
              .sorted()
              .toList();
    }
    assertEquals(29, files.size(), "VoxLogicA-2's gallery and tests hold 29 programs");
    assertEquals(files, Corpus.programs().stream().map(Corpus.Program::name).toList());
    for (Corpus.Program program : Corpus.programs()) {
      if (program.refusal().isEmpty()) {
        program.expectations();
      }
    }
  }

  private static void check(Corpus.Program program) {
    if (program.refusal().isPresent()) {
      RuntimeException refused =
          assertThrows(
              RuntimeException.class,
              program::reduce,
              "VoxLogicA-2 refuses it: " + program.refusal().get());
      if (program.refusedLine().isPresent()) {
        ImgqlSyntaxException syntax = (ImgqlSyntaxException) refused;
        assertEquals(program.refusedLine().get(), syntax.position().line(), syntax.getMessage());
      } else {
        assertEquals(ReduceException.class, refused.getClass(), refused.getMessage());
      }
      return;
    }
    if (program.waitingGrammar().isPresent()) {
      ImgqlSyntaxException waiting =
          assertThrows(
              ImgqlSyntaxException.class,
              program::reduce,
              program.name()
                  + " parses now: remove '"
                  + program.waitingGrammar().get()
                  + "' from its waiting list");
      assertTrue(waiting.getMessage().contains("error:"), waiting.getMessage());
      return;
    }
    Plan plan = program.reduce();
    List<String> goals =
        plan.goals().stream()
            .map(goal -> goal.operation().wireName() + " " + goal.name() + " " + goal.id().hex())
            .toList();
    assertEquals(program.goals(), goals, "goals");
    assertEquals(
        program.nodes(),
        plan.nodes().keySet().stream().map(NodeId::hex).sorted().toList(),
        "nodes");
  }
}
