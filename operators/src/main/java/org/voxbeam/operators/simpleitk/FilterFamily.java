package org.voxbeam.operators.simpleitk;

import java.util.Map;

/**
 * A group of SimpleITK procedures implemented together (thresholds, smoothing, morphology, …),
 * because they share kernels. {@link SimpleItkLibrary} assembles the families.
 */
interface FilterFamily {
  /** The procedures this family implements, by SimpleITK name. */
  Map<String, SimpleItkFunction> functions();
}
