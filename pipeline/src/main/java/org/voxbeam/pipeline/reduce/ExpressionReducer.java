package org.voxbeam.pipeline.reduce;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.voxbeam.kernel.json.JsonObject;
import org.voxbeam.kernel.json.JsonValue;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.node.NodeKind;
import org.voxbeam.kernel.node.VoxNode;
import org.voxbeam.pipeline.lang.ArrayLiteral;
import org.voxbeam.pipeline.lang.BooleanLiteral;
import org.voxbeam.pipeline.lang.Call;
import org.voxbeam.pipeline.lang.Expression;
import org.voxbeam.pipeline.lang.FilterExpression;
import org.voxbeam.pipeline.lang.FoldExpression;
import org.voxbeam.pipeline.lang.ForExpression;
import org.voxbeam.pipeline.lang.LetExpression;
import org.voxbeam.pipeline.lang.NumberLiteral;
import org.voxbeam.pipeline.lang.SliceExpression;
import org.voxbeam.pipeline.lang.SourcePosition;
import org.voxbeam.pipeline.lang.StringLiteral;

/**
 * Reduces one expression to the id of the node computing it, adding the nodes it needs to the plan.
 * User functions are inlined at each call; {@code for}, {@code filter} and {@code map} become a
 * primitive over a closure node; everything else becomes a constant or a primitive node named as
 * VoxLogicA-2's registry resolves it. The order of checks mirrors VoxLogicA-2's reducer, because it
 * decides, for instance, that {@code !x} is always the primitive {@code not_compat} even where a
 * library declares a function called {@code !}.
 *
 * <p>Inlining is memoised: a function called again with the same argument nodes (while the same
 * namespaces are imported) yields the node it yielded the first time, without reducing its body
 * again. Reduction is deterministic and nodes are hash-consed, so the plan is exactly the one
 * repeated inlining would build, node for node and in the same order; but a chain of functions each
 * calling the previous one twice costs linear work instead of exponential.
 *
 * <p>Two bounds keep a hostile program from exhausting the machine: the plan may not grow past
 * {@code maxPlanNodes}, and reduction may not nest deeper than {@link #MAX_DEPTH} levels of
 * expressions and inlined calls. Both are located errors.
 */
final class ExpressionReducer {
  private static final Map<String, String> OPERATOR_ALIASES =
      Map.of("!", "not_compat", "&&", "bool_and_scalar", "||", "bool_or_scalar");
  private static final Set<String> MAP_NAMES = Set.of("map", "default.map");
  private static final Set<String> SEQUENCE_PRIMITIVES =
      Set.of(
          "for_loop",
          "default.for_loop",
          "filter",
          "default.filter",
          "map",
          "default.map",
          "range",
          "default.range",
          "load",
          "default.load");
  private static final Set<String> OVERLAY_PRIMITIVES = Set.of("overlay", "default.overlay");
  private static final Set<String> FOLD_OPERATORS =
      Set.of("+", "-", "*", "/", "&&", "||", "min", "max");
  private static final String MAP_ITEM = "map_item_arg";
  private static final String SCALAR = "scalar";
  private static final String SEQUENCE = "sequence";

  /**
   * How deeply expressions and inlined calls may nest while reducing: deep enough for a chain of
   * 20,000 functions each calling the one before, and bounded so that the reducer's stack (see
   * {@link Reducer}) always suffices.
   */
  static final int MAX_DEPTH = 50_000;

  /** The arguments of one inlined call and how many namespaces were imported then. */
  private record Inlined(List<NodeId> arguments, int namespaces) {}

  private final PrimitiveCatalog catalog;
  private final PlanBuilder plan;
  private final List<String> importedNamespaces;
  private final Diagnostics diagnostics;
  private final long maxPlanNodes;
  private final Map<Binding.Function, Map<Inlined, NodeId>> inlined = new IdentityHashMap<>();
  private int depth;

  ExpressionReducer(
      PrimitiveCatalog catalog,
      PlanBuilder plan,
      List<String> importedNamespaces,
      Diagnostics diagnostics,
      long maxPlanNodes) {
    this.catalog = catalog;
    this.plan = plan;
    this.importedNamespaces = importedNamespaces;
    this.diagnostics = diagnostics;
    this.maxPlanNodes = maxPlanNodes;
  }

  NodeId constant(JsonValue value) {
    return add(VoxNode.constant(value));
  }

  NodeId reduce(Environment env, Expression expression, CallStack stack) {
    if (++depth > MAX_DEPTH) {
      throw diagnostics.error(
          positionOf(expression),
          "expressions and function calls nest more than "
              + MAX_DEPTH
              + " levels deep; write the computation with less nesting",
          stack);
    }
    try {
      return reduceNested(env, expression, stack);
    } finally {
      depth--;
    }
  }

  private NodeId add(VoxNode node) {
    NodeId id = plan.add(node);
    if (plan.size() > maxPlanNodes) {
      throw diagnostics.error(
          diagnostics.commandPosition(),
          "the plan grows past "
              + maxPlanNodes
              + " nodes, the limit on plan size"
              + " (raise it with --max-plan-nodes or limits.max-plan-nodes)");
    }
    return id;
  }

  private NodeId closure(
      String parameter, Expression body, Environment env, SourcePosition at, CallStack stack) {
    return add(closureNode(parameter, body, env, at, stack));
  }

  private VoxNode closureNode(
      String parameter, Expression body, Environment env, SourcePosition at, CallStack stack) {
    try {
      return ClosureBuilder.closure(parameter, body, env);
    } catch (ClosureBuilder.TooManyFunctions e) {
      throw diagnostics.error(
          at,
          "this closure would carry more than "
              + ClosureBuilder.MAX_FUNCTIONS
              + " user functions, counting the functions they use",
          stack);
    }
  }

  private SourcePosition positionOf(Expression expression) {
    if (expression instanceof Call call) {
      return call.position();
    }
    if (expression instanceof LetExpression let) {
      return let.position();
    }
    if (expression instanceof ForExpression loop) {
      return loop.position();
    }
    if (expression instanceof FilterExpression filter) {
      return filter.position();
    }
    if (expression instanceof FoldExpression fold) {
      return fold.position();
    }
    return diagnostics.commandPosition();
  }

  private NodeId reduceNested(Environment env, Expression expression, CallStack stack) {
    if (expression instanceof NumberLiteral number) {
      return constant(JsonValue.of(number.value()));
    }
    if (expression instanceof BooleanLiteral bool) {
      return constant(JsonValue.of(bool.value()));
    }
    if (expression instanceof StringLiteral string) {
      return constant(JsonValue.of(string.rawValue()));
    }
    if (expression instanceof ArrayLiteral array) {
      List<NodeId> items = new ArrayList<>();
      array.items().forEach(item -> items.add(reduce(env, item, stack)));
      return primitive("sequence", items, JsonObject.EMPTY, SEQUENCE, Optional.empty(), stack);
    }
    if (expression instanceof SliceExpression slice) {
      return reduceSlice(env, slice, stack);
    }
    if (expression instanceof Call call) {
      return reduceCall(env, call, stack);
    }
    if (expression instanceof ForExpression loop) {
      NodeId iterable = reduce(env, loop.iterable(), stack);
      NodeId closure = closure(loop.variable(), loop.body(), env, loop.position(), stack);
      return primitive(
          "for_loop",
          List.of(iterable, closure),
          JsonObject.EMPTY,
          SEQUENCE,
          Optional.of(loop.position()),
          stack);
    }
    if (expression instanceof FilterExpression filter) {
      NodeId iterable = reduce(env, filter.iterable(), stack);
      NodeId closure =
          closure(filter.variable(), filter.predicate(), env, filter.position(), stack);
      return primitive(
          "filter",
          List.of(iterable, closure),
          JsonObject.EMPTY,
          SEQUENCE,
          Optional.of(filter.position()),
          stack);
    }
    if (expression instanceof FoldExpression fold) {
      return reduceFold(env, fold, stack);
    }
    if (expression instanceof LetExpression let) {
      checkNotReserved(let.variable(), let.position(), stack);
      NodeId value = reduce(env, let.value(), stack);
      return reduce(env.bind(let.variable(), new Binding.Value(value)), let.body(), stack);
    }
    throw new IllegalStateException("unknown expression form " + expression.getClass());
  }

  void checkNotReserved(String name, SourcePosition position, CallStack stack) {
    if (ProgramVariables.isReserved(name)) {
      throw diagnostics.error(
          position, "'" + name + "' is a built-in program variable and cannot be redefined", stack);
    }
  }

  private NodeId reduceSlice(Environment env, SliceExpression slice, CallStack stack) {
    NodeId sequence = reduce(env, slice.sequence(), stack);
    NodeId start =
        slice.start().isPresent()
            ? reduce(env, slice.start().get(), stack)
            : constant(JsonValue.ofNull());
    NodeId stop =
        slice.stop().isPresent()
            ? reduce(env, slice.stop().get(), stack)
            : constant(JsonValue.ofNull());
    return primitive(
        "slice",
        List.of(sequence, start, stop),
        JsonObject.EMPTY,
        SEQUENCE,
        Optional.empty(),
        stack);
  }

  private NodeId reduceFold(Environment env, FoldExpression fold, CallStack stack) {
    NodeId sequence = reduce(env, fold.sequence(), stack);
    if (!FOLD_OPERATORS.contains(fold.operator())) {
      throw diagnostics.error(
          fold.position(),
          "fold cannot combine with '"
              + fold.operator()
              + "': expected one of +, -, *, /, &&, ||, min, max",
          stack);
    }
    List<NodeId> args = new ArrayList<>();
    if (fold.init().isPresent()) {
      args.add(reduce(env, fold.init().get(), stack));
    }
    args.add(sequence);
    JsonObject attrs = new JsonObject(Map.of("operator", JsonValue.of(fold.operator())));
    return primitive("fold", args, attrs, SCALAR, Optional.of(fold.position()), stack);
  }

  private NodeId reduceCall(Environment env, Call call, CallStack stack) {
    String name = call.identifier();
    Optional<SourcePosition> at = Optional.of(call.position());
    if (MAP_NAMES.contains(name) && call.arguments().size() == 2) {
      return reduceMap(env, call, stack);
    }
    if (OPERATOR_ALIASES.containsKey(name)) {
      List<NodeId> args = reduceAll(env, call.arguments(), stack);
      return primitive(name, args, JsonObject.EMPTY, SCALAR, at, stack);
    }
    Optional<Binding> binding = env.find(name);
    if (call.arguments().isEmpty()) {
      if (binding.isEmpty()) {
        return primitive(name, List.of(), JsonObject.EMPTY, SCALAR, at, stack);
      }
      if (binding.get() instanceof Binding.Value value) {
        return value.id();
      }
      Binding.Function function = (Binding.Function) binding.get();
      throw diagnostics.error(
          call.position(),
          "function '"
              + name
              + "' needs "
              + function.parameters().size()
              + " argument(s) but is used without arguments",
          stack);
    }
    List<NodeId> args = reduceAll(env, call.arguments(), stack);
    if (binding.isEmpty()) {
      return primitive(name, args, JsonObject.EMPTY, inferredKind(name), at, stack);
    }
    if (binding.get() instanceof Binding.Value) {
      throw diagnostics.error(
          call.position(),
          "'" + name + "' is a value, not a function, but is called with arguments",
          stack);
    }
    Binding.Function function = (Binding.Function) binding.get();
    if (function.parameters().size() != args.size()) {
      throw diagnostics.error(
          call.position(),
          "function '"
              + name
              + "' takes "
              + function.parameters().size()
              + " argument(s) but is called with "
              + args.size(),
          stack);
    }
    Inlined key = new Inlined(args, importedNamespaces.size());
    Map<Inlined, NodeId> calls = inlined.computeIfAbsent(function, f -> new HashMap<>());
    NodeId known = calls.get(key);
    if (known != null) {
      return known;
    }
    Environment body = function.environment();
    for (int i = 0; i < args.size(); i++) {
      body = body.bind(function.parameters().get(i), new Binding.Value(args.get(i)));
    }
    NodeId result = reduce(body, function.body(), stack.push(new CallSite(name, call.position())));
    calls.put(key, result);
    return result;
  }

  private NodeId reduceMap(Environment env, Call call, CallStack stack) {
    Expression functionArgument = call.arguments().get(0);
    NodeId sequence = reduce(env, call.arguments().get(1), stack);
    if (!(functionArgument instanceof Call reference) || !reference.arguments().isEmpty()) {
      throw diagnostics.error(
          call.position(), "the first argument of map must be the name of a function", stack);
    }
    Optional<Binding> binding = env.find(reference.identifier());
    VoxNode closure;
    if (binding.isPresent() && binding.get() instanceof Binding.Function function) {
      if (function.parameters().size() != 1) {
        throw diagnostics.error(
            reference.position(),
            "map needs a function of one argument, but '"
                + reference.identifier()
                + "' takes "
                + function.parameters().size(),
            stack);
      }
      closure =
          closureNode(
              function.parameters().get(0),
              function.body(),
              function.environment(),
              call.position(),
              stack);
    } else if (binding.isPresent()) {
      throw diagnostics.error(
          reference.position(),
          "the first argument of map must be a function, but '"
              + reference.identifier()
              + "' is a value",
          stack);
    } else {
      resolve(reference.identifier(), reference.position(), stack);
      Call body =
          new Call(
              reference.position(),
              reference.identifier(),
              List.of(new Call(reference.position(), MAP_ITEM, List.of())));
      closure = closureNode(MAP_ITEM, body, env, call.position(), stack);
    }
    NodeId closureId = add(closure);
    return primitive(
        call.identifier(),
        List.of(sequence, closureId),
        JsonObject.EMPTY,
        SEQUENCE,
        Optional.of(call.position()),
        stack);
  }

  private NodeId primitive(
      String name,
      List<NodeId> args,
      JsonObject attrs,
      String outputKind,
      Optional<SourcePosition> at,
      CallStack stack) {
    SourcePosition position = at.orElseGet(diagnostics::commandPosition);
    PrimitiveSignature signature = resolve(name, position, stack);
    if (!signature.arity().accepts(args.size())) {
      throw diagnostics.error(
          position,
          "'"
              + signature.qualifiedName()
              + "' takes "
              + signature.arity()
              + " argument(s) but is called with "
              + args.size(),
          stack);
    }
    return add(
        VoxNode.of(
            NodeKind.PRIMITIVE, signature.qualifiedName(), args, List.of(), attrs, outputKind));
  }

  private PrimitiveSignature resolve(String name, SourcePosition position, CallStack stack) {
    String normalized = OPERATOR_ALIASES.getOrDefault(name.strip(), name.strip());
    return catalog
        .resolve(normalized, importedNamespaces)
        .orElseThrow(
            () ->
                diagnostics.error(
                    position,
                    "unbound name '"
                        + normalized
                        + "': not a parameter, a declaration, an imported function or a primitive",
                    stack));
  }

  private List<NodeId> reduceAll(Environment env, List<Expression> expressions, CallStack stack) {
    List<NodeId> ids = new ArrayList<>(expressions.size());
    for (Expression expression : expressions) {
      ids.add(reduce(env, expression, stack));
    }
    return ids;
  }

  private static String inferredKind(String name) {
    if (SEQUENCE_PRIMITIVES.contains(name)) {
      return SEQUENCE;
    }
    return OVERLAY_PRIMITIVES.contains(name) ? "overlay" : SCALAR;
  }
}
