package org.voxbeam.testkit.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;

import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;

class TestPipelineExtensionTest {

  @Test
  void passesATestThatRunsItsPipelineAndFailsOneThatDoesNot() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(PipelineTests.class))
        .execute()
        .testEvents()
        .assertThatEvents()
        .haveExactly(1, event(test("runsItsPipeline"), finishedSuccessfully()))
        .haveExactly(
            1,
            event(
                test("forgetsToRun"),
                finishedWithFailure(instanceOf(TestPipeline.PipelineRunMissingException.class))))
        .haveExactly(
            1,
            event(
                test("addsAfterRunning"),
                finishedWithFailure(instanceOf(TestPipeline.AbandonedNodeException.class))));
  }

  @Test
  void enforcedReturnsWhatTheBodyReturnedAfterTheChecksPass() throws Throwable {
    TestPipeline pipeline = EnforcedPipelines.pipeline(PipelineOptionsFactory.create());
    long count =
        EnforcedPipelines.enforced(
            pipeline,
            TestPipelineExtensionTest.class,
            "counts",
            () -> {
              PAssert.that(pipeline.apply(Create.of(1L, 2L, 3L))).containsInAnyOrder(1L, 2L, 3L);
              pipeline.run().waitUntilFinish();
              return 3L;
            });
    assertEquals(3L, count);
  }

  @Test
  void enforcedFailsWhenTheBodyNeverRanThePipeline() {
    TestPipeline pipeline = EnforcedPipelines.pipeline(PipelineOptionsFactory.create());
    assertThrows(
        TestPipeline.PipelineRunMissingException.class,
        () ->
            EnforcedPipelines.enforced(
                pipeline,
                TestPipelineExtensionTest.class,
                "abandons",
                () -> {
                  PAssert.that(pipeline.apply(Create.of(1))).containsInAnyOrder(1);
                  return null;
                }));
  }

  /** Run only through the engine kit above; surefire does not pick up nested classes. */
  @ExtendWith(TestPipelineExtension.class)
  static class PipelineTests {
    @Test
    void runsItsPipeline(TestPipeline pipeline) {
      PAssert.that(doubled(pipeline)).containsInAnyOrder(2, 4);
      pipeline.run().waitUntilFinish();
    }

    @Test
    void forgetsToRun(TestPipeline pipeline) {
      PAssert.that(doubled(pipeline)).containsInAnyOrder(2, 4);
    }

    @Test
    void addsAfterRunning(TestPipeline pipeline) {
      PAssert.that(doubled(pipeline)).containsInAnyOrder(2, 4);
      pipeline.run().waitUntilFinish();
      pipeline.apply("Late", Create.of(5));
    }

    private static PCollection<Integer> doubled(TestPipeline pipeline) {
      return pipeline
          .apply(Create.of(1, 2))
          .apply(MapElements.into(TypeDescriptors.integers()).via((Integer x) -> 2 * x));
    }
  }
}
