package org.voxbeam.launcher.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import org.voxbeam.api.Limits;
import org.voxbeam.kernel.json.CanonicalJson;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonString;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.pipeline.lang.ImgqlSyntaxException;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.plan.PlanException;
import org.voxbeam.pipeline.plan.PlanJsonReader;
import org.voxbeam.pipeline.reduce.ReduceException;

/**
 * Submitting runs and following them. A run is a plan in VoxLogicA-2's JSON form
 * ({@code {"plan": {...}}}) or ImgQL source ({@code {"program": "...", "name": "x.imgql"}});
 * it is validated before it is queued, so a bad submission is refused at once with the reason.
 */
final class RunRoutes {

  private final RunRegistry registry;
  private final ServerPrograms programs;
  private final Limits serverLimits;

  RunRoutes(RunRegistry registry, ServerPrograms programs, Limits serverLimits) {
    this.registry = registry;
    this.programs = programs;
    this.serverLimits = serverLimits;
  }

  List<ApiRoute> routes() {
    return List.of(
        new ApiRoute(HandlerType.POST, "/runs", this::submit),
        new ApiRoute(HandlerType.GET, "/runs/{id}", this::status));
  }

  private void submit(Context context) {
    JsonObject body = JsonBodies.readObject(context);
    Limits limits = RunLimits.read(body, serverLimits);
    Plan plan = plan(body, limits);
    SubmittedRun run = registry.submit(plan, limits);
    context.header("Location", ApiServer.PREFIX + "/runs/" + run.id());
    JsonBodies.send(context, 202, run.status());
  }

  private Plan plan(JsonObject body, Limits limits) {
    try {
      if (body.get("plan").isPresent() == body.get("program").isPresent()) {
        throw ApiException.badRequest("invalid_run", "give exactly one of \"plan\" and \"program\"");
      }
      if (body.get("plan").isPresent()) {
        return PlanJsonReader.strict().read(CanonicalJson.write(body.get("plan").get()), "request");
      }
      JsonValue program = body.get("program").get();
      if (!(program instanceof JsonString source)) {
        throw ApiException.badRequest("invalid_run", "\"program\" must be a string of ImgQL source");
      }
      String name = body.getString("name").orElse("request.imgql");
      return programs.reduce(source.value(), name, limits.maxPlanNodes());
    } catch (PlanException e) {
      throw ApiException.badRequest("invalid_plan", e.getMessage());
    } catch (ImgqlSyntaxException | ReduceException e) {
      throw ApiException.badRequest("invalid_program", e.getMessage());
    }
  }

  private void status(Context context) {
    String id = context.pathParam("id");
    SubmittedRun run =
        registry.find(id).orElseThrow(() -> ApiException.notFound("run_not_found", "no run " + id));
    JsonBodies.send(context, 200, run.status());
  }
}
