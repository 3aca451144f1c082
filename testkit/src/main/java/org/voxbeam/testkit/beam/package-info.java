/**
 * Beam's {@code TestPipeline} for JUnit 5 tests, with the checks Beam's JUnit 4 rule makes.
 *
 * <p>Start with {@link org.voxbeam.testkit.beam.TestPipelineExtension}: register it on a test class
 * and take a {@code TestPipeline} parameter; the extension fails the test when a transform or a
 * {@code PAssert} was added but the pipeline never ran, or was added after it ran. Tests that need
 * more than one pipeline (a run planned again after a lost result) wrap their body in {@link
 * org.voxbeam.testkit.beam.EnforcedPipelines#enforced} themselves.
 *
 * <p>Beam and JUnit 4 are provided dependencies here: only modules that already use Beam see these
 * classes work.
 */
package org.voxbeam.testkit.beam;
