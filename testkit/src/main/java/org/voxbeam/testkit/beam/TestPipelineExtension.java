package org.voxbeam.testkit.beam;

import java.lang.reflect.Method;
import org.apache.beam.sdk.testing.TestPipeline;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Gives a test method a {@link TestPipeline} parameter and holds the test to Beam's pipeline
 * checks: the test fails when it added a transform or a {@code PAssert} to the pipeline and never
 * ran it, or added one after running it.
 *
 * <pre>{@code
 * @ExtendWith(TestPipelineExtension.class)
 * class DoublingTest {
 *   @Test
 *   void doubles(TestPipeline pipeline) {
 *     PAssert.that(pipeline.apply(Create.of(1, 2)).apply(new Doubling())).containsInAnyOrder(2, 4);
 *     pipeline.run().waitUntilFinish();
 *   }
 * }
 * }</pre>
 *
 * <p>The pipeline's options are Beam's test options (the {@code beamTestPipelineOptions} system
 * property, DirectRunner by default); a test sets its own through {@code pipeline.getOptions().as(
 * MyOptions.class)} before it applies transforms.
 */
public final class TestPipelineExtension implements ParameterResolver, InvocationInterceptor {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(TestPipelineExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == TestPipeline.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            TestPipeline.class,
            key -> TestPipeline.create().enableAbandonedNodeEnforcement(true),
            TestPipeline.class);
  }

  @Override
  public void interceptTestMethod(
      Invocation<Void> invocation,
      ReflectiveInvocationContext<Method> method,
      ExtensionContext context)
      throws Throwable {
    TestPipeline pipeline = context.getStore(NAMESPACE).get(TestPipeline.class, TestPipeline.class);
    if (pipeline == null) {
      invocation.proceed();
      return;
    }
    EnforcedPipelines.enforced(
        pipeline,
        context.getRequiredTestClass(),
        method.getExecutable().getName(),
        invocation::proceed);
  }
}
