package org.voxbeam.launcher;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The known name closest to a mistyped one, for "did you mean" hints: the smallest edit distance
 * (insertions, deletions, substitutions and swaps of neighbours, ignoring case), within a third of
 * the name's length, so {@code rnu} finds {@code run} and {@code --threds} finds {@code --threads}
 * but a word that resembles nothing gets no hint.
 */
final class ClosestName {
  private ClosestName() {}

  static Optional<String> among(String typed, Collection<String> known) {
    String wanted = typed.toLowerCase(Locale.ROOT);
    int allowed = Math.max(1, wanted.length() / 3);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String name : known) {
      int distance = distance(wanted, name.toLowerCase(Locale.ROOT));
      if (distance <= allowed && distance < bestDistance) {
        best = name;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The optimal-string-alignment distance between {@code a} and {@code b}. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
