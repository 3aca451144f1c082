package org.voxbeam.pipeline.corpus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonInteger;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonReader;
import org.voxbeam.kernel.json.JsonString;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.reduce.DeclarationGoals;
import org.voxbeam.pipeline.reduce.PrimitiveCatalog;
import org.voxbeam.pipeline.reduce.Reducer;

/**
 * VoxLogicA-2's own programs (its gallery and its test programs, copied unmodified under {@code
 * corpus/}) and what VoxLogicA-2 made of them ({@code voxlogica2.json}, written by {@code
 * tools/voxlogica2/corpus_expectations.py}): refusals, goals, node ids, and values where
 * VoxLogicA-2 could run the program.
 */
public final class Corpus {
  /** The working directory VoxLogicA-2 reduced the programs in: it decides the $cwd node. */
  public static final Path WORKING_DIRECTORY = Path.of("/corpus");

  private static final JsonObject VOXLOGICA2 =
      (JsonObject) JsonReader.parse(resource("voxlogica2.json"));
  private static final JsonObject EXPECTATIONS =
      (JsonObject)
          ((JsonObject) JsonReader.parse(resource("expectations.json")))
              .get("programs")
              .orElseThrow();

  /** What a program still waits for when it waits for the parser, not for a procedure. */
  public static final String GRAMMAR = "grammar: ";

  private Corpus() {}

  /** A program: its corpus path (also its name when reduced), source, VoxLogicA-2's verdict. */
  public record Program(String name, String source, JsonObject voxlogica2) {
    /** VoxLogicA-2's refusal message, if it refused the program. */
    public Optional<String> refusal() {
      return voxlogica2
          .getString("refused")
          .map(kind -> voxlogica2.getString("message").orElse(kind));
    }

    /** The line VoxLogicA-2's parser stopped at, for a parse refusal. */
    public Optional<Integer> refusedLine() {
      return voxlogica2.get("line").map(line -> ((JsonInteger) line).value().intValueExact());
    }

    /** Goals as {@code operation name id}, the program's own then one per declaration. */
    public List<String> goals() {
      List<String> goals = new ArrayList<>();
      for (JsonValue goal : array(voxlogica2, "goals")) {
        List<String> fields = new ArrayList<>();
        ((JsonArray) goal).items().forEach(field -> fields.add(((JsonString) field).value()));
        goals.add(String.join(" ", fields));
      }
      return goals;
    }

    /** Every node id of VoxLogicA-2's plan, sorted. */
    public List<String> nodes() {
      return array(voxlogica2, "nodes").stream().map(id -> ((JsonString) id).value()).toList();
    }

    /** VoxLogicA-2's value (or failure, or why it was not run) for each goal, in goal order. */
    public List<JsonObject> values() {
      return array(voxlogica2, "values").stream().map(value -> (JsonObject) value).toList();
    }

    /** How the corpus test checks this program's goals ({@code expectations.json}). */
    public JsonObject expectations() {
      return (JsonObject)
          EXPECTATIONS
              .get(name)
              .orElseThrow(() -> new AssertionError(name + " has no entry in expectations.json"));
    }

    /** An entry of {@link #expectations()} that maps names to text. */
    public Map<String, String> texts(String key) {
      Map<String, String> out = new java.util.LinkedHashMap<>();
      ((JsonObject) expectations().get(key).orElse(JsonObject.EMPTY))
          .members()
          .forEach((k, v) -> out.put(k, ((JsonString) v).value()));
      return out;
    }

    /**
     * Why this program is left to the long campaigns, if it is: its kernels' own tests run in every
     * build.
     */
    public Optional<String> campaign() {
      return expectations().get("campaign").map(reason -> ((JsonString) reason).value());
    }

    /** The grammar the parser must still learn for this program, if the program waits for one. */
    public Optional<String> waitingGrammar() {
      return texts("waiting").keySet().stream().filter(k -> k.startsWith(GRAMMAR)).findFirst();
    }

    /** How many goals are the program's own print and save commands (they come first). */
    public int ownGoalCount() {
      return new Reducer(PrimitiveCatalog.voxLogicA2(), WORKING_DIRECTORY)
          .reduceText(source, name)
          .goals()
          .size();
    }

    /** The plan VoxBeam reduces the program to, every declaration a goal, as VoxLogicA-2 did. */
    public Plan reduce() {
      return new Reducer(PrimitiveCatalog.voxLogicA2(), WORKING_DIRECTORY)
          .withDeclarationGoals(DeclarationGoals.ALL)
          .reduceText(source, name);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Every program, in path order. */
  public static List<Program> programs() {
    List<Program> programs = new ArrayList<>();
    VOXLOGICA2
        .members()
        .forEach(
            (name, verdict) ->
                programs.add(new Program(name, resource(name), (JsonObject) verdict)));
    return programs;
  }

  public static Program program(String name) {
    return programs().stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no corpus program " + name));
  }

  private static List<JsonValue> array(JsonObject object, String key) {
    return object.get(key).map(value -> ((JsonArray) value).items()).orElse(List.of());
  }

  static String resource(String name) {
    try (InputStream in = Corpus.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing corpus resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
