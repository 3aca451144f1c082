package org.voxbeam.pipeline.reduce;

import java.util.ArrayList;
import java.util.List;

/**
 * The user-function calls being inlined, innermost first, as an immutable linked list: entering a
 * call shares the caller's stack instead of copying it, so a chain of n nested calls costs n, not
 * n².
 *
 * @param site the innermost call, null for the empty stack
 * @param caller the calls around it
 * @param depth how many calls the stack holds
 */
record CallStack(CallSite site, CallStack caller, int depth) {
  /** The stack at a top-level command. */
  static final CallStack EMPTY = new CallStack(null, null, 0);

  /** Most call lines an error lists; a deep chain is cut in the middle. */
  static final int SHOWN = 12;

  CallStack push(CallSite call) {
    return new CallStack(call, this, depth + 1);
  }

  /**
   * {@code in 'f' called at file:line:col} lines, innermost first; beyond {@link #SHOWN} calls, the
   * innermost and outermost few with a count of those left out between them.
   */
  List<String> describe() {
    List<String> lines = new ArrayList<>();
    int index = 0;
    int outermost = SHOWN / 2;
    for (CallStack frame = this; frame.site != null; frame = frame.caller, index++) {
      if (depth <= SHOWN || index < SHOWN - outermost || index >= depth - outermost) {
        lines.add(frame.site.describe());
      } else if (index == SHOWN - outermost) {
        lines.add("… " + (depth - SHOWN) + " more calls");
      }
    }
    return lines;
  }
}
