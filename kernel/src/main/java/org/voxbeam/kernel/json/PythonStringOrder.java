package org.voxbeam.kernel.json;

import java.util.Comparator;

/**
 * Python's string order: by code point. Java's {@code String.compareTo} compares UTF-16 units,
 * which disagrees above U+FFFF; wherever VoxBeam must sort as VoxLogicA-2 does (JSON keys for node
 * ids, directory listings) it sorts with this.
 */
public final class PythonStringOrder implements Comparator<String> {

  /** The one instance; the order has no state. */
  public static final PythonStringOrder INSTANCE = new PythonStringOrder();

  private PythonStringOrder() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
