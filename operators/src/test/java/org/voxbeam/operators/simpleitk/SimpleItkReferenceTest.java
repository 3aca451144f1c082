package org.voxbeam.operators.simpleitk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.voxbeam.kernel.operator.Arguments;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.operator.OperatorRegistry;
import org.voxbeam.kernel.value.ImageGeometry;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.MappingValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.Voxels;
import org.voxbeam.operators.library.StandardLibrary;
import org.voxbeam.operators.simpleitk.ReferenceVectors.Case;
import org.voxbeam.operators.simpleitk.ReferenceVectors.ExpectedError;
import org.voxbeam.operators.simpleitk.ReferenceVectors.ExpectedImage;
import org.voxbeam.operators.simpleitk.ReferenceVectors.ExpectedValue;

/**
 * Every reference vector ITK computed (tools/itk-reference) through VoxBeam's operator: the same
 * output pixel type, geometry and voxels within the case's stated tolerance, the same measurements,
 * or a refusal naming the problem.
 */
class SimpleItkReferenceTest {
  private static final OperatorRegistry REGISTRY = StandardLibrary.registry();
  private static final double GEOMETRY_TOLERANCE = 1e-9;

  @TestFactory
  Stream<DynamicTest> everyCaseMatchesItk() {
    List<Case> cases = ReferenceVectors.all();
    assertTrue(!cases.isEmpty(), "no reference vectors found");
    return cases.stream()
        .map(c -> DynamicTest.dynamicTest(c.family() + ": " + c.id(), () -> check(c)));
  }

  private static void check(Case c) {
    Arguments arguments = Arguments.of(c.args());
    if (c.expected() instanceof ExpectedError error) {
      OperatorException e =
          assertThrows(
              OperatorException.class,
              () -> REGISTRY.require("simpleitk." + c.procedure()).apply(arguments));
      assertTrue(
          e.getMessage().contains(error.message()),
          () -> "expected a message containing '" + error.message() + "', got: " + e.getMessage());
      return;
    }
    Value actual = REGISTRY.require("simpleitk." + c.procedure()).apply(arguments);
    if (c.expected() instanceof ExpectedImage image) {
      assertImage(c, image.image(), assertInstanceOf(ImageValue.class, actual));
    } else {
      assertValue(c, ((ExpectedValue) c.expected()).value(), actual, "");
    }
  }

  private static void assertImage(Case c, ImageValue expected, ImageValue actual) {
    assertEquals(expected.dtype(), actual.dtype(), "output pixel type");
    ImageGeometry e = expected.geometry();
    ImageGeometry a = actual.geometry();
    assertEquals(e.size(), a.size(), "size");
    assertClose(e.spacing(), a.spacing(), "spacing");
    assertClose(e.origin(), a.origin(), "origin");
    assertClose(e.direction(), a.direction(), "direction");
    Voxels ev = Voxels.of(expected);
    Voxels av = Voxels.of(actual);
    int mismatches = 0;
    double worst = 0;
    int first = -1;
    for (int i = 0; i < ev.voxelCount(); i++) {
      double x = ev.get(i);
      double y = av.get(i);
      double difference = (x == y || (Double.isNaN(x) && Double.isNaN(y))) ? 0 : Math.abs(x - y);
      if (!(difference <= c.tolerance())) {
        mismatches++;
        worst = Double.isNaN(difference) ? Double.NaN : Math.max(worst, difference);
        first = first < 0 ? i : first;
      }
    }
    if (mismatches > 0) {
      fail(
          mismatches
              + " of "
              + ev.voxelCount()
              + " voxels differ beyond "
              + c.tolerance()
              + " (largest difference "
              + worst
              + "); first at index "
              + first
              + ": ITK "
              + ev.get(first)
              + ", VoxBeam "
              + av.get(first)
              + (c.note().isEmpty() ? "" : " — " + c.note()));
    }
  }

  private static void assertValue(Case c, Value expected, Value actual, String path) {
    if (expected instanceof SequenceValue es) {
      SequenceValue as = assertInstanceOf(SequenceValue.class, actual, path);
      assertEquals(es.size(), as.size(), path + " length");
      for (int i = 0; i < es.size(); i++) {
        assertValue(c, es.items().get(i), as.items().get(i), path + "[" + i + "]");
      }
    } else if (expected instanceof MappingValue em) {
      MappingValue am = assertInstanceOf(MappingValue.class, actual, path);
      assertEquals(em.entries().keySet(), am.entries().keySet(), path + " keys");
      em.entries()
          .forEach(
              (key, value) -> assertValue(c, value, am.entries().get(key), path + "[" + key + "]"));
    } else if (expected instanceof NumberValue en) {
      NumberValue an = assertInstanceOf(NumberValue.class, actual, path);
      double tolerance = c.tolerance() * Math.max(1.0, Math.abs(en.value()));
      assertTrue(
          Math.abs(en.value() - an.value()) <= tolerance
              || Double.doubleToLongBits(en.value()) == Double.doubleToLongBits(an.value()),
          () -> path + ": ITK " + en.value() + ", VoxBeam " + an.value());
    } else if (expected instanceof IntegerValue) {
      assertEquals(expected, assertInstanceOf(IntegerValue.class, actual, path), path);
    } else {
      assertEquals(expected, actual, path);
    }
  }

  private static void assertClose(List<Double> expected, List<Double> actual, String what) {
    assertEquals(expected.size(), actual.size(), what);
    for (int i = 0; i < expected.size(); i++) {
      assertEquals(expected.get(i), actual.get(i), GEOMETRY_TOLERANCE, what + "[" + i + "]");
    }
  }
}
