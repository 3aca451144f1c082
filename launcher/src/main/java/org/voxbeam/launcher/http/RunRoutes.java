package org.voxbeam.launcher.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Optional;
import org.voxbeam.api.Limits;
import org.voxbeam.api.ProgramSource;
import org.voxbeam.api.RunRecordJson;
import org.voxbeam.api.VoxBeam;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.json.JsonArray;
import org.voxbeam.kernel.json.JsonBoolean;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonString;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.pipeline.execution.CachePolicy;
import org.voxbeam.pipeline.lang.ImgqlSyntaxException;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.plan.PlanException;
import org.voxbeam.pipeline.plan.PlanJsonReader;
import org.voxbeam.pipeline.plan.PlanJsonWriter;
import org.voxbeam.pipeline.reduce.ReduceException;
import org.voxbeam.storage.runs.RunRecord;

/**
 * Submitting runs and following them. A run is a plan in VoxLogicA-2's JSON form ({@code {"plan":
 * {...}}}) or ImgQL source ({@code {"program": "...", "name": "x.imgql"}}), optionally with {@code
 * "no_cache": true} or {@code "refresh": ["goal", …]}; it is validated before it is queued, so a
 * bad submission is refused at once with the reason. Finished runs are also read from the store's
 * run record, so {@code GET /runs} lists the runs of every client and machine sharing the store,
 * not only this server's.
 */
final class RunRoutes {
  private static final int MAX_LISTED = 1000;

  private final RunRegistry registry;
  private final ServerPrograms programs;
  private final Limits serverLimits;
  private final VoxBeam voxbeam;

  RunRoutes(RunRegistry registry, ServerPrograms programs, Limits serverLimits, VoxBeam voxbeam) {
    this.registry = registry;
    this.programs = programs;
    this.serverLimits = serverLimits;
    this.voxbeam = voxbeam;
  }

  List<ApiRoute> routes() {
    return List.of(
        new ApiRoute(HandlerType.POST, "/runs", this::submit),
        new ApiRoute(HandlerType.GET, "/runs", this::list),
        new ApiRoute(HandlerType.GET, "/runs/{id}", this::status),
        new ApiRoute(HandlerType.DELETE, "/runs/{id}", this::cancel),
        new ApiRoute(HandlerType.POST, "/plan", this::reduce));
  }

  /**
   * The plan a submission would run, without running it: what {@code voxbeam plan} prints, so a
   * client can draw a run's graph from the same program text it submitted.
   */
  private void reduce(Context context) {
    JsonObject body = JsonBodies.readObject(context);
    Plan plan = plan(body, RunLimits.read(body, serverLimits));
    context.status(200).contentType("application/json").result(PlanJsonWriter.write(plan));
  }

  private void submit(Context context) {
    JsonObject body = JsonBodies.readObject(context);
    Limits limits = RunLimits.read(body, serverLimits);
    Plan plan = plan(body, limits);
    CachePolicy policy = cachePolicy(body, plan);
    SubmittedRun run = registry.submit(plan, limits, policy, program(body));
    context.header("Location", ApiServer.PREFIX + "/runs/" + run.id());
    JsonBodies.send(context, 202, run.status());
  }

  /** {@code "no_cache": true}, or {@code "refresh": [goal names]} (empty: every goal). */
  private static CachePolicy cachePolicy(JsonObject body, Plan plan) {
    JsonValue noCache = body.get("no_cache").orElse(JsonValue.of(false));
    if (!(noCache instanceof JsonBoolean flag)) {
      throw ApiException.badRequest("invalid_run", "\"no_cache\" must be true or false");
    }
    Optional<JsonValue> refresh = body.get("refresh");
    if (flag.value() && refresh.isPresent()) {
      throw ApiException.badRequest(
          "invalid_run", "give at most one of \"no_cache\" and \"refresh\"");
    }
    if (flag.value()) {
      return CachePolicy.noCache();
    }
    if (refresh.isEmpty()) {
      return CachePolicy.reuse();
    }
    if (!(refresh.get() instanceof JsonArray names)
        || !names.items().stream().allMatch(JsonString.class::isInstance)) {
      throw ApiException.badRequest("invalid_run", "\"refresh\" must be an array of goal names");
    }
    CachePolicy policy =
        CachePolicy.refresh(
            names.items().stream().map(name -> ((JsonString) name).value()).toList());
    try {
      policy.forcedNodes(plan);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("invalid_run", e.getMessage());
    }
    return policy;
  }

  /** What the run record names: the submitted program's name and the SHA-256 of its text. */
  private static ProgramSource program(JsonObject body) {
    Optional<JsonValue> program = body.get("program");
    if (program.isPresent() && program.get() instanceof JsonString source) {
      return ProgramSource.text(body.getString("name").orElse("request.imgql"), source.value());
    }
    return ProgramSource.text("request.json", CanonicalJson.write(body.get("plan").orElseThrow()));
  }

  /**
   * This server's runs and the runs recorded in the store, newest first, at most {@code limit}
   * ({@value #MAX_LISTED} at most, 100 by default) from {@code cursor} on ({@link RunListing}).
   */
  private void list(Context context) {
    int limit = ResultRoutes.intParameter(context, "limit", 1, MAX_LISTED, 100);
    Optional<String> cursor = Optional.ofNullable(context.queryParam("cursor"));
    JsonBodies.send(context, 200, RunListing.page(registry.live(), voxbeam.runs(), limit, cursor));
  }

  private Plan plan(JsonObject body, Limits limits) {
    try {
      if (body.get("plan").isPresent() == body.get("program").isPresent()) {
        throw ApiException.badRequest(
            "invalid_run", "give exactly one of \"plan\" and \"program\"");
      }
      if (body.get("plan").isPresent()) {
        return PlanJsonReader.strict().read(CanonicalJson.write(body.get("plan").get()), "request");
      }
      JsonValue program = body.get("program").get();
      if (!(program instanceof JsonString source)) {
        throw ApiException.badRequest(
            "invalid_run", "\"program\" must be a string of ImgQL source");
      }
      String name = body.getString("name").orElse("request.imgql");
      return programs.reduce(source.value(), name, limits.maxPlanNodes());
    } catch (PlanException e) {
      throw ApiException.badRequest("invalid_plan", e.getMessage());
    } catch (ImgqlSyntaxException | ReduceException e) {
      throw ApiException.badRequest("invalid_program", e.getMessage());
    }
  }

  /**
   * Cancels a queued or running run of this server: {@code 202} with its status (already {@code
   * cancelled} for a queued run; {@code cancel_requested} until a running one has stopped), {@code
   * 409 run_finished} for a run that has ended (of this server or recorded in the store), {@code
   * 404} for an unknown id.
   */
  private void cancel(Context context) {
    String id = context.pathParam("id");
    Optional<SubmittedRun> live = registry.find(id);
    if (live.isEmpty()) {
      if (voxbeam.runs().stream().anyMatch(run -> run.runId().equals(id))) {
        throw new ApiException(409, "run_finished", "run " + id + " has ended already");
      }
      throw ApiException.notFound("run_not_found", "no run " + id);
    }
    if (!live.get().cancel()) {
      throw new ApiException(409, "run_finished", "run " + id + " has ended already");
    }
    JsonBodies.send(context, 202, live.get().status());
  }

  /** A run of this server (live), else the store's record of it. */
  private void status(Context context) {
    String id = context.pathParam("id");
    Optional<SubmittedRun> live = registry.find(id);
    if (live.isPresent()) {
      JsonBodies.send(context, 200, live.get().status());
      return;
    }
    RunRecord record =
        voxbeam.runs().stream()
            .filter(run -> run.runId().equals(id))
            .findFirst()
            .orElseThrow(() -> ApiException.notFound("run_not_found", "no run " + id));
    JsonBodies.send(context, 200, RunRecordJson.of(record));
  }
}
