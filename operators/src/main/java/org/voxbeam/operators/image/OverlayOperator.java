package org.voxbeam.operators.image;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voxbeam.kernel.operator.Arguments;
import org.voxbeam.kernel.operator.Arity;
import org.voxbeam.kernel.operator.Operator;
import org.voxbeam.kernel.operator.OperatorException;
import org.voxbeam.kernel.operator.OperatorLibrary;
import org.voxbeam.kernel.value.BooleanValue;
import org.voxbeam.kernel.value.MappingValue;
import org.voxbeam.kernel.value.NullValue;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.kernel.value.SequenceValue;
import org.voxbeam.kernel.value.StringValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.library.SimpleOperator;
import org.voxbeam.operators.python.PythonNumbers;

/**
 * VoxLogicA-2's {@code default.overlay}: layers of images for a viewer. The value model has no
 * overlay kind, so an overlay is the mapping {@code {layers: [...], metadata: {...}}} with each
 * layer normalised as VoxLogicA-2 normalises it ({@code value}, {@code label} "Base" or "Overlay
 * i", {@code opacity} clamped to [0, 1] or null, {@code colormap} "gray" for the first layer and
 * "red" after, {@code visible}). Arguments are the layers, or one sequence of layers, or one
 * mapping with {@code layers} (its other keys become metadata); a layer is an image or a mapping
 * with {@code value} and optional viewer settings.
 */
public final class OverlayOperator implements OperatorLibrary {

  @Override
  public List<Operator> operators() {
    return List.of(
        SimpleOperator.pure(
            "default",
            "overlay",
            Arity.atLeast(1),
            "Create a layered overlay value from one or more images/volumes",
            OverlayOperator::overlay));
  }

  private static Value overlay(Arguments args) {
    List<Value> layers = args.positional();
    Map<String, Value> metadata = new LinkedHashMap<>();
    if (args.size() == 1) {
      Value only = args.get(0);
      if (only instanceof SequenceValue sequence) {
        layers = sequence.items();
      } else if (only instanceof MappingValue mapping && mapping.entries().containsKey("layers")) {
        layers = layersOf(mapping.entries().get("layers"));
        for (Map.Entry<String, Value> entry : mapping.entries().entrySet()) {
          if (entry.getKey().equals("metadata")
              && entry.getValue() instanceof MappingValue nested) {
            metadata.putAll(nested.entries());
          } else if (!entry.getKey().equals("layers") && !entry.getKey().equals("metadata")) {
            metadata.put(entry.getKey(), entry.getValue());
          }
        }
      }
      if (layers.isEmpty()) {
        throw new OperatorException("overlay requires at least one layer");
      }
    }
    List<Value> normalised = new ArrayList<>(layers.size());
    for (int i = 0; i < layers.size(); i++) {
      normalised.add(layer(layers.get(i), i));
    }
    Map<String, Value> overlay = new LinkedHashMap<>();
    overlay.put("layers", new SequenceValue(normalised));
    overlay.put("metadata", new MappingValue(metadata));
    return new MappingValue(overlay);
  }

  private static List<Value> layersOf(Value value) {
    if (value instanceof SequenceValue sequence) {
      return sequence.items();
    }
    throw new OperatorException("overlay layers must be a sequence, got " + value.voxType());
  }

  private static Value layer(Value raw, int index) {
    Map<String, Value> settings =
        raw instanceof MappingValue mapping && mapping.entries().containsKey("value")
            ? mapping.entries()
            : Map.of("value", raw);
    Map<String, Value> layer = new LinkedHashMap<>();
    layer.put("value", settings.get("value"));
    layer.put(
        "label",
        new StringValue(textOr(settings.get("label"), index == 0 ? "Base" : "Overlay " + index)));
    Value opacity = settings.getOrDefault("opacity", NullValue.INSTANCE);
    layer.put(
        "opacity",
        opacity instanceof NullValue
            ? NullValue.INSTANCE
            : new NumberValue(Math.max(0.0, Math.min(1.0, PythonNumbers.toDouble(opacity)))));
    layer.put(
        "colormap", new StringValue(textOr(settings.get("colormap"), index == 0 ? "gray" : "red")));
    layer.put(
        "visible",
        BooleanValue.of(PythonNumbers.truthy(settings.getOrDefault("visible", BooleanValue.TRUE))));
    return new MappingValue(layer);
  }

  /** Python's {@code value or default} for the string settings. */
  private static String textOr(Value value, String fallback) {
    return value instanceof StringValue s && !s.value().isEmpty() ? s.value() : fallback;
  }
}
