package org.voxbeam.pipeline.beam;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.node.NodeKind;
import org.voxbeam.kernel.operator.Purity;
import org.voxbeam.kernel.operator.UnknownOperatorException;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.pipeline.execution.NodeEvaluator;
import org.voxbeam.pipeline.plan.Goal;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.plan.PlanException;

/**
 * Cuts the part of a plan a run needs into a bounded number of stages of independent tasks, so
 * the Beam pipeline has O(stages) transforms however many nodes the plan has.
 *
 * <ol>
 *   <li><b>Prune.</b> Walk down from the goals, one level at a time, asking the store about a
 *       whole level at once; a pure primitive node already stored stops the walk.
 *   <li><b>Level.</b> Give each primitive node to compute a level: 0 when none of its inputs is
 *       computed in this run, else one more than its highest computed input. Constants and
 *       closures are transparent: they are never stored, so every task that needs one carries
 *       and evaluates it, and an input reached through them counts as a direct input.
 *   <li><b>Band.</b> With {@code L} levels and a cap of {@code S} stages, stage {@code k} holds
 *       levels {@code [k·b, (k+1)·b)} with {@code b = ceil(L / S)}. Every input of a node lies in
 *       an earlier stage or in the same band.
 *   <li><b>Group.</b> Within a band, nodes linked by an input are one connected piece and must run
 *       in the same task, inputs first; unrelated pieces are packed greedily, in order, into
 *       about {@code tasksPerStage} tasks of similar size.
 *   <li><b>Fan out.</b> A level holding {@code map}, {@code for_loop} or {@code filter} nodes cuts
 *       its band: the levels before it, then a fan-out stage of those nodes alone (one task each;
 *       their items become elements at run time, see {@link FanOutOperator}), then the rest of the
 *       band, that level's other nodes included.
 * </ol>
 */
public final class StagePlanner {
  private static final Logger LOG = LoggerFactory.getLogger(StagePlanner.class);

  private final NodeEvaluator evaluator;
  private final PlannerSettings settings;

  public StagePlanner(NodeEvaluator evaluator, PlannerSettings settings) {
    this.evaluator = evaluator;
    this.settings = settings;
  }

  /**
   * Plans a run of {@code plan}'s goals against what {@code store} holds now.
   *
   * @throws PlanException if a node to compute names an operator that does not exist
   */
  public StagePlan plan(Plan plan, ResultStore store) {
    Needed needed = prune(plan, store);
    List<Node> order = topologicalOrder(needed.toCompute);
    Map<NodeId, Integer> position = new HashMap<>(order.size() * 2);
    for (int i = 0; i < order.size(); i++) {
      position.put(order.get(i).id(), i);
    }
    int[][] primitiveInputs = primitiveInputs(order, position);
    int[] level = levels(order, primitiveInputs);
    int levels = Arrays.stream(level).max().orElse(-1) + 1;
    int band = Math.max(1, (levels + settings.maxStages() - 1) / settings.maxStages());
    List<Stage> stages = new ArrayList<>();
    int primitives = 0;
    int helpers = 0;
    for (Node node : order) {
      if (node.kind() == NodeKind.PRIMITIVE) {
        primitives++;
      } else {
        helpers++;
      }
    }
    boolean[] fanOut = new boolean[order.size()];
    boolean[] fanOutLevel = new boolean[Math.max(levels, 0)];
    for (int i = 0; i < order.size(); i++) {
      fanOut[i] = FanOutOperator.of(order.get(i)).isPresent();
      if (fanOut[i]) {
        fanOutLevel[level[i]] = true;
      }
    }
    for (Segment segment : segments(levels, band, fanOutLevel)) {
      List<Integer> members = new ArrayList<>();
      for (int i = 0; i < order.size(); i++) {
        if (level[i] >= segment.first() && level[i] <= segment.last() && fanOut[i] == segment.fanOut()) {
          members.add(i);
        }
      }
      if (members.isEmpty()) {
        continue;
      }
      stages.add(
          segment.fanOut()
              ? fanOutStage(stages.size(), segment.first(), members, order, position)
              : stage(stages.size(), segment.first(), segment.last(), members, order, position, primitiveInputs, level));
    }
    if (!needed.stored.isEmpty()) {
      List<String> storedIds = new ArrayList<>(needed.stored.size());
      needed.stored.forEach(id -> storedIds.add(id.hex()));
      stages = withStoredChecks(stages, storedIds);
    }
    StagePlan result = new StagePlan(stages, needed.total, primitives, needed.stored.size(), helpers);
    LOG.info(
        "planned {} nodes: {} to compute in {} stages of {} tasks ({} levels, {} per stage), {} in the store, {} constants and closures",
        result.needed(), primitives, stages.size(), result.taskCount(), levels, band, result.fromStore(), helpers);
    return result;
  }

  /** What the goals need: nodes to compute, stored results at the edge, and the total. */
  private record Needed(List<Node> toCompute, Set<NodeId> stored, int total) {}

  private Needed prune(Plan plan, ResultStore store) {
    Set<NodeId> seen = new LinkedHashSet<>();
    for (Goal goal : plan.goals()) {
      seen.add(goal.id());
    }
    List<NodeId> level = new ArrayList<>(seen);
    List<Node> toCompute = new ArrayList<>();
    Set<NodeId> stored = new LinkedHashSet<>();
    while (!level.isEmpty()) {
      List<NodeId> reusable = new ArrayList<>();
      for (NodeId id : level) {
        Node node = plan.nodes().get(id);
        if (NodeEvaluator.isStored(node) && purity(plan, node) == Purity.PURE) {
          reusable.add(id);
        }
      }
      Set<NodeId> present = reusable.isEmpty() ? Set.of() : store.containsAll(reusable);
      List<NodeId> next = new ArrayList<>();
      for (NodeId id : level) {
        if (present.contains(id)) {
          stored.add(id);
          continue;
        }
        Node node = plan.nodes().get(id);
        toCompute.add(node);
        for (NodeId dependency : node.dependencies()) {
          if (seen.add(dependency)) {
            next.add(dependency);
          }
        }
      }
      level = next;
    }
    return new Needed(toCompute, stored, seen.size());
  }

  private Purity purity(Plan plan, Node node) {
    try {
      return evaluator.operatorOf(node).purity();
    } catch (UnknownOperatorException e) {
      throw new PlanException(plan.source(), node.id(), e.getMessage());
    }
  }

  /** Kahn's algorithm over the nodes to compute; inputs outside the set are ready already. */
  private static List<Node> topologicalOrder(List<Node> nodes) {
    Map<NodeId, Integer> index = new HashMap<>(nodes.size() * 2);
    for (int i = 0; i < nodes.size(); i++) {
      index.put(nodes.get(i).id(), i);
    }
    int[] pending = new int[nodes.size()];
    List<List<Integer>> consumers = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      consumers.add(new ArrayList<>(2));
    }
    for (int i = 0; i < nodes.size(); i++) {
      for (NodeId dependency : new LinkedHashSet<>(nodes.get(i).dependencies())) {
        Integer input = index.get(dependency);
        if (input != null) {
          pending[i]++;
          consumers.get(input).add(i);
        }
      }
    }
    ArrayDeque<Integer> ready = new ArrayDeque<>();
    for (int i = nodes.size() - 1; i >= 0; i--) {
      if (pending[i] == 0) {
        ready.add(i);
      }
    }
    List<Node> order = new ArrayList<>(nodes.size());
    while (!ready.isEmpty()) {
      int next = ready.poll();
      order.add(nodes.get(next));
      for (int consumer : consumers.get(next)) {
        if (--pending[consumer] == 0) {
          ready.add(consumer);
        }
      }
    }
    return order;
  }

  /**
   * For each node (by position), the positions of the primitive nodes to compute that it reads,
   * directly or through constants and closures.
   */
  private static int[][] primitiveInputs(List<Node> order, Map<NodeId, Integer> position) {
    int[][] inputs = new int[order.size()][];
    for (int i = 0; i < order.size(); i++) {
      Set<Integer> found = new LinkedHashSet<>();
      for (NodeId dependency : order.get(i).dependencies()) {
        Integer input = position.get(dependency);
        if (input == null) {
          continue;
        }
        if (order.get(input).kind() == NodeKind.PRIMITIVE) {
          found.add(input);
        } else {
          for (int through : inputs[input]) {
            found.add(through);
          }
        }
      }
      inputs[i] = found.stream().mapToInt(Integer::intValue).toArray();
    }
    return inputs;
  }

  /** Levels of primitive nodes (see the class comment); -1 for constants and closures. */
  private static int[] levels(List<Node> order, int[][] primitiveInputs) {
    int[] level = new int[order.size()];
    for (int i = 0; i < order.size(); i++) {
      if (order.get(i).kind() != NodeKind.PRIMITIVE) {
        level[i] = -1;
        continue;
      }
      int highest = -1;
      for (int input : primitiveInputs[i]) {
        highest = Math.max(highest, level[input]);
      }
      level[i] = highest + 1;
    }
    return level;
  }

  /** Levels {@code [first, last]} of the nodes of one kind: fan-out nodes, or all others. */
  private record Segment(int first, int last, boolean fanOut) {}

  /**
   * Cuts the levels into bands of {@code band} levels, and a band at each level holding fan-out
   * nodes: the band's levels before it, then a fan-out stage for that level's fan-out nodes, then
   * the rest of the band, that level's other nodes included (they do not read the fan-out nodes of
   * their own level).
   */
  private static List<Segment> segments(int levels, int band, boolean[] fanOutLevel) {
    List<Segment> segments = new ArrayList<>();
    for (int first = 0; first < levels; first += band) {
      int last = Math.min(levels, first + band) - 1;
      int start = first;
      for (int level = first; level <= last; level++) {
        if (fanOutLevel[level]) {
          if (start < level) {
            segments.add(new Segment(start, level - 1, false));
          }
          segments.add(new Segment(level, level, true));
          start = level;
        }
      }
      segments.add(new Segment(start, last, false));
    }
    return segments;
  }

  /** One task per fan-out node: the node and the constants and closures it needs. */
  private static Stage fanOutStage(
      int index, int level, List<Integer> members, List<Node> order, Map<NodeId, Integer> position) {
    List<StageTask> tasks = new ArrayList<>(members.size());
    for (int member : members) {
      tasks.add(task(index, tasks.size(), List.of(member), order, position));
    }
    return new Stage(index, level, level, tasks, true);
  }

  private Stage stage(
      int index,
      int firstLevel,
      int lastLevel,
      List<Integer> members,
      List<Node> order,
      Map<NodeId, Integer> position,
      int[][] primitiveInputs,
      int[] level) {
    Pieces pieces = new Pieces(order.size());
    for (int member : members) {
      for (int input : primitiveInputs[member]) {
        if (level[input] >= firstLevel) {
          pieces.union(member, input);
        }
      }
    }
    Map<Integer, List<Integer>> byPiece = new LinkedHashMap<>();
    for (int member : members) {
      byPiece.computeIfAbsent(pieces.find(member), root -> new ArrayList<>()).add(member);
    }
    int target = Math.max(1, (members.size() + settings.tasksPerStage() - 1) / settings.tasksPerStage());
    List<StageTask> tasks = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    for (List<Integer> piece : byPiece.values()) {
      current.addAll(piece);
      if (current.size() >= target) {
        tasks.add(task(index, tasks.size(), current, order, position));
        current = new ArrayList<>();
      }
    }
    if (!current.isEmpty()) {
      tasks.add(task(index, tasks.size(), current, order, position));
    }
    return new Stage(index, firstLevel, lastLevel, tasks, false);
  }

  /** A task computing {@code members} (positions in topological order, so already sorted). */
  private static StageTask task(
      int stage, int index, List<Integer> members, List<Node> order, Map<NodeId, Integer> position) {
    List<String> compute = new ArrayList<>(members.size());
    Set<Integer> helpers = new LinkedHashSet<>();
    ArrayDeque<Integer> toVisit = new ArrayDeque<>();
    for (int member : members) {
      compute.add(NodeCodec.encode(order.get(member)));
      toVisit.push(member);
      while (!toVisit.isEmpty()) {
        for (NodeId dependency : order.get(toVisit.pop()).dependencies()) {
          Integer input = position.get(dependency);
          if (input != null && order.get(input).kind() != NodeKind.PRIMITIVE && helpers.add(input)) {
            toVisit.push(input);
          }
        }
      }
    }
    List<String> encodedHelpers = new ArrayList<>(helpers.size());
    for (int helper : helpers) {
      encodedHelpers.add(NodeCodec.encode(order.get(helper)));
    }
    return new StageTask(stage, index, compute, encodedHelpers, List.of());
  }

  /**
   * Adds the stored results the walk stopped at to the first stage, as tasks that only confirm
   * them, so that a run over a full store still reports every goal's node as read from the store.
   */
  private List<Stage> withStoredChecks(List<Stage> stages, List<String> storedIds) {
    int chunk = Math.max(1, (storedIds.size() + settings.tasksPerStage() - 1) / settings.tasksPerStage());
    List<StageTask> checks = new ArrayList<>();
    Stage first = stages.isEmpty() ? new Stage(0, 0, 0, List.of(), false) : stages.get(0);
    for (int from = 0; from < storedIds.size(); from += chunk) {
      List<String> ids = storedIds.subList(from, Math.min(storedIds.size(), from + chunk));
      checks.add(new StageTask(0, first.tasks().size() + checks.size(), List.of(), List.of(), ids));
    }
    List<StageTask> tasks = new ArrayList<>(first.tasks());
    tasks.addAll(checks);
    List<Stage> result = new ArrayList<>(stages);
    Stage merged = new Stage(0, first.firstLevel(), first.lastLevel(), tasks, first.fanOut());
    if (stages.isEmpty()) {
      result.add(merged);
    } else {
      result.set(0, merged);
    }
    return result;
  }

  /** Union-find over node positions: the connected pieces of a band. */
  private static final class Pieces {
    private final int[] parent;

    Pieces(int size) {
      parent = new int[size];
      for (int i = 0; i < size; i++) {
        parent[i] = i;
      }
    }

    int find(int node) {
      int root = node;
      while (parent[root] != root) {
        root = parent[root];
      }
      while (parent[node] != root) {
        int next = parent[node];
        parent[node] = root;
        node = next;
      }
      return root;
    }

    void union(int a, int b) {
      int rootA = find(a);
      int rootB = find(b);
      if (rootA != rootB) {
        parent[rootA] = rootB;
      }
    }
  }
}
