package org.voxbeam.transforms.library;

import org.voxbeam.kernel.operator.OperatorRegistry;
import org.voxbeam.transforms.defaults.HigherOrderOperators;
import org.voxbeam.transforms.defaults.ScalarOperators;
import org.voxbeam.transforms.defaults.SequenceOperators;
import org.voxbeam.transforms.strings.StringsOperators;
import org.voxbeam.transforms.vox1.Vox1ScalarOperators;

/** Every operator VoxBeam ships, assembled into one registry. */
public final class StandardLibrary {
  private StandardLibrary() {}

  public static OperatorRegistry registry() {
    return OperatorRegistry.of(
        new ScalarOperators(),
        new SequenceOperators(),
        new HigherOrderOperators(),
        new StringsOperators(),
        new Vox1ScalarOperators());
  }
}
