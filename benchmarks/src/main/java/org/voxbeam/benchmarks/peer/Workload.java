package org.voxbeam.benchmarks.peer;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One program of the peer benchmark. {@code needsImages} marks programs that read NIfTI volumes,
 * which VoxLogicA-2 reads through SimpleITK: where SimpleITK is not installed it cannot run them.
 */
record Workload(String name, String description, boolean needsImages, String program) {

  /** The fixed set, in report order; {@code data} is the folder holding the synthetic dataset. */
  static List<Workload> all(Path data) {
    return List.of(
        perItem("map", 10_000),
        perItem("map", 100_000),
        perItem("map", 1_000_000),
        forLoop(10_000),
        forLoop(100_000),
        filter(100_000),
        chain(10_000),
        synthetic(data));
  }

  private static Workload perItem(String shape, int items) {
    return new Workload(
        shape + "-" + label(items),
        "`map` of a user function over " + label(items) + " integers, summed",
        false,
        "f(i) = i * 2 + 1\n"
            + "xs = map(f, range(0, "
            + items
            + "))\n"
            + "print \"total\" fold + 0 xs\n");
  }

  private static Workload forLoop(int items) {
    return new Workload(
        "for-" + label(items),
        "`for` over " + label(items) + " integers, summed",
        false,
        "print \"total\" fold + 0 (for i in range(0, " + items + ") do i * 2 + 1)\n");
  }

  private static Workload filter(int items) {
    return new Workload(
        "filter-" + label(items),
        "`filter` of " + label(items) + " integers, counted",
        false,
        "one(x) = 1\n"
            + "kept = filter x in range(0, "
            + items
            + ") do x > "
            + items / 2
            + "\n"
            + "print \"count\" fold + 0 map(one, kept)\n");
  }

  private static Workload chain(int declarations) {
    String body =
        IntStream.range(1, declarations)
            .mapToObj(i -> "x" + i + " = x" + (i - 1) + " + 1\n")
            .collect(Collectors.joining());
    return new Workload(
        "chain-" + label(declarations),
        "a chain of " + label(declarations) + " declarations",
        false,
        "x0 = 0\n" + body + "print \"last\" x" + (declarations - 1) + "\n");
  }

  /** The synthetic dataset example, reading its 20 cases from {@code data}. */
  private static Workload synthetic(Path data) {
    String images = data.resolve("synthetic/images").toAbsolutePath().toString();
    String labels = data.resolve("synthetic/labels").toAbsolutePath().toString();
    return new Workload(
        "synthetic-20",
        "the 20-case synthetic dataset: threshold, components, Dice against labels",
        true,
        "import \"vox1\"\n"
            + "images = dir(\""
            + images
            + "\", \"*.nii.gz\", false, true)\n"
            + "labels = dir(\""
            + labels
            + "\", \"*.nii.gz\", false, true)\n"
            + "one(path) = 1\n"
            + "cases = fold + 0 map(one, images)\n"
            + "segment(path) = let bright = load(path) > 127 in through(interior(bright), bright)\n"
            + "truth(path) = load(path) > 0\n"
            + "dice(s, t) = let sizes = volume(s) + volume(t) in let empty = sizes == 0 in"
            + " (2 * volume(and(s, t)) + empty) / (sizes + empty)\n"
            + "score(i) = let s = segment(images[i]) in let t = truth(labels[i]) in dice(s, t)\n"
            + "dices = for i in range(0, cases) do score(i)\n"
            + "print \"mean dice\" (fold + 0 dices) / cases\n");
  }

  private static String label(int count) {
    return count >= 1_000_000 && count % 1_000_000 == 0
        ? count / 1_000_000 + "M"
        : count >= 1_000 && count % 1_000 == 0 ? count / 1_000 + "k" : Integer.toString(count);
  }
}
