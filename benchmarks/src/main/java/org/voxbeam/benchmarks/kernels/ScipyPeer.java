package org.voxbeam.benchmarks.kernels;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonFloat;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.json.JsonValue;

/**
 * The scipy side of the kernel benchmark: writes the benchmark's voxels where Python reads them,
 * runs {@code scipy_kernels.py} (a resource of this module) with Debian's {@code python3}, and
 * returns the seconds per round of each expression.
 */
final class ScipyPeer {
  private static final String SCRIPT = "scipy_kernels.py";

  private final String python;

  ScipyPeer(String python) {
    this.python = python;
  }

  /** Seconds per timed round of each case's scipy expression, by label. */
  Map<String, double[]> time(KernelInputs inputs, List<KernelCase> cases, int repeats, Path scratch)
      throws IOException, InterruptedException {
    Map<String, JsonValue> expressions = new LinkedHashMap<>();
    for (KernelCase c : cases) {
      c.scipy().ifPresent(expression -> expressions.put(c.label(), JsonValue.of(expression)));
    }
    if (expressions.isEmpty()) {
      return Map.of();
    }
    Files.write(scratch.resolve("v.raw"), inputs.floats());
    Files.write(scratch.resolve("m.raw"), inputs.maskBytes());
    Files.writeString(
        scratch.resolve("cases.json"), CanonicalJson.write(new JsonObject(expressions)));
    Path script = scratch.resolve(SCRIPT);
    try (InputStream in = ScipyPeer.class.getResourceAsStream(SCRIPT)) {
      Files.write(script, in.readAllBytes());
    }
    Process process =
        new ProcessBuilder(
                python,
                script.toString(),
                scratch.toString(),
                Integer.toString(inputs.side()),
                Integer.toString(repeats))
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IOException(
          python + " " + SCRIPT + " failed with exit code " + process.exitValue());
    }
    Map<String, double[]> seconds = new HashMap<>();
    ((JsonObject) JsonReader.parse(output))
        .members()
        .forEach(
            (label, times) -> {
              List<JsonValue> items = ((JsonArray) times).items();
              double[] out = new double[items.size()];
              for (int i = 0; i < out.length; i++) {
                out[i] = ((JsonFloat) items.get(i)).value();
              }
              seconds.put(label, out);
            });
    return seconds;
  }
}
