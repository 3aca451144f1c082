package org.voxbeam.testkit.beam;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.testing.TestPipeline;
import org.junit.runner.Description;
import org.junit.runners.model.Statement;

/**
 * Runs test code under a {@link TestPipeline}'s enforcement, as Beam's JUnit 4 rule would.
 *
 * <p>Beam 2.62 ships that enforcement only as a JUnit 4 {@code TestRule}; JUnit 5 has no rules, so
 * the rule's statement is applied here by hand around the code.
 */
public final class EnforcedPipelines {
  private EnforcedPipelines() {}

  /** Test code that builds and runs a pipeline, and may throw what a test may throw. */
  @FunctionalInterface
  public interface Body<T> {
    T run() throws Throwable;
  }

  /**
   * A pipeline with abandoned-node enforcement on over the given options: a transform added but
   * never run, or added after the run, fails the enclosing {@link #enforced} call.
   */
  public static TestPipeline pipeline(PipelineOptions options) {
    return TestPipeline.fromOptions(options).enableAbandonedNodeEnforcement(true);
  }

  /**
   * Runs {@code body}, which builds and runs {@code pipeline}, then checks that the pipeline ran
   * and that nothing was added to it after it ran; returns what the body returned.
   *
   * @param name the test's name, which Beam uses as the pipeline's application name
   */
  public static <T> T enforced(TestPipeline pipeline, Class<?> test, String name, Body<T> body)
      throws Throwable {
    AtomicReference<T> result = new AtomicReference<>();
    Statement statement =
        new Statement() {
          @Override
          public void evaluate() throws Throwable {
            result.set(body.run());
          }
        };
    pipeline.apply(statement, Description.createTestDescription(test, name)).evaluate();
    return result.get();
  }
}
