package org.voxbeam.pipeline.reduce;

import org.voxbeam.pipeline.lang.SourcePosition;

/**
 * A call being inlined, kept on a stack so that an error deep inside a function says which calls
 * led to it, like a traceback of the program rather than of the reducer.
 */
record CallSite(String name, SourcePosition position) {
  String describe() {
    return "in '" + name + "' called at " + position;
  }
}
