package org.voxbeam.kernel.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.value.IntegerValue;
import org.voxbeam.kernel.value.Value;

class OperatorRegistryTest {
  private static Operator op(String namespace, String name) {
    return new Operator() {
      @Override
      public OperatorName name() {
        return new OperatorName(namespace, name);
      }

      @Override
      public Arity arity() {
        return Arity.exactly(0);
      }

      @Override
      public Purity purity() {
        return Purity.PURE;
      }

      @Override
      public String description() {
        return namespace + "." + name;
      }

      @Override
      public Value apply(Arguments arguments) {
        return new IntegerValue(0);
      }
    };
  }

  private final OperatorRegistry registry =
      OperatorRegistry.of(
          () ->
              List.of(
                  op("default", "index"),
                  op("vox1", "+"),
                  op("strings", "concat"),
                  op("zeta", "+")));

  @Test
  void resolvesQualifiedAndBareNamesInVoxLogicA2Order() {
    assertEquals("vox1.+", registry.resolve("vox1.+", List.of()).name().qualified());
    assertEquals("default.index", registry.resolve("index", List.of()).name().qualified());
    assertEquals("vox1.+", registry.resolve("+", List.of()).name().qualified());
    assertEquals("zeta.+", registry.resolve("+", List.of("zeta")).name().qualified());
  }

  @Test
  void unknownNamesSuggestCloseOnes() {
    UnknownOperatorException e =
        assertThrows(UnknownOperatorException.class, () -> registry.require("strings.concatt"));
    assertEquals(List.of("strings.concat"), e.suggestions());
    assertTrue(
        e.getMessage()
            .contains("unknown operator 'strings.concatt'; did you mean strings.concat?"));
    assertTrue(
        assertThrows(
                UnknownOperatorException.class,
                () -> registry.resolve("nothing_like_it", List.of()))
            .suggestions()
            .isEmpty());
  }

  @Test
  void refusesDuplicateRegistrations() {
    assertThrows(
        IllegalArgumentException.class,
        () -> OperatorRegistry.of(() -> List.of(op("a", "b"), op("a", "b"))));
  }
}
