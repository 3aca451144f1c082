package org.voxbeam.pipeline.closure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.voxbeam.kernel.value.ImageValue;
import org.voxbeam.kernel.value.Value;
import org.voxbeam.operators.image.ops.ImageModel;

/**
 * The model of one evaluation of a closure body (one item of a {@code map}): the images the body
 * has loaded so far, or, until it loads one, the images it was given (the item, then captured
 * values by name). A body is evaluated sequentially by one thread, so "so far" is well defined, and
 * each item has its own instance, so items evaluated in parallel never see each other's images.
 */
final class ItemModel {
  private final List<Value> given;
  private final List<Value> loaded = new ArrayList<>();

  private ItemModel(List<Value> given) {
    this.given = given;
  }

  /** The model of an evaluation starting in {@code scope}, whose item is {@code parameter}. */
  static ItemModel startingIn(Map<String, Binding> scope, String parameter) {
    List<Value> given = new ArrayList<>();
    addImage(scope.get(parameter), given);
    for (Map.Entry<String, Binding> entry : new TreeMap<>(scope).entrySet()) {
      if (!entry.getKey().equals(parameter)) {
        addImage(entry.getValue(), given);
      }
    }
    return new ItemModel(given);
  }

  private static void addImage(Binding binding, List<Value> out) {
    if (binding instanceof Binding.Bound bound && bound.value() instanceof ImageValue image) {
      out.add(image);
    }
  }

  /** Records what a loader returned. */
  void loaded(Value value) {
    if (value instanceof ImageValue) {
      loaded.add(value);
    }
  }

  Optional<ImageModel> current() {
    return ImageModel.of(loaded).or(() -> ImageModel.of(given));
  }
}
