package org.voxbeam.transforms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.operator.Purity;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.pipeline.execution.CachePolicy;
import org.voxbeam.pipeline.execution.FanOutOperator;
import org.voxbeam.pipeline.execution.NodeEvaluator;
import org.voxbeam.pipeline.execution.ResultReuse;
import org.voxbeam.pipeline.inputs.InputFingerprints;
import org.voxbeam.pipeline.plan.Goal;
import org.voxbeam.pipeline.plan.Plan;

/**
 * Cuts the part of a plan a run needs into a bounded number of stages of independent tasks, so the
 * Beam pipeline has O(stages) transforms however many nodes the plan has.
 *
 * <ol>
 *   <li><b>Prune.</b> Walk down from the goals, one level at a time, asking about a whole level at
 *       once which stored results the run may use ({@link ResultReuse}); a pure primitive node
 *       whose stored result is still valid stops the walk.
 *   <li><b>Level.</b> Give each primitive node to compute a level: 0 when none of its inputs is
 *       computed in this run, else one more than its highest computed input. Constants and closures
 *       are transparent: they are never stored, so every task that needs one carries and evaluates
 *       it, and an input reached through them counts as a direct input.
 *   <li><b>Band.</b> With {@code L} levels and a cap of {@code S} stages, stage {@code k} holds
 *       levels {@code [k·b, (k+1)·b)} with {@code b = ceil(L / S)}. Every input of a node lies in
 *       an earlier stage or in the same band. {@code S} is the configured cap, lowered for a small
 *       plan so that a stage's fixed cost is spread over enough nodes (see {@link
 *       PlannerSettings#minNodesPerStage()}).
 *   <li><b>Group.</b> Within a band, nodes linked by an input are one connected piece and must run
 *       in the same task, inputs first; unrelated pieces are packed greedily, in order, into about
 *       {@code tasksPerStage} tasks of similar size.
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
   * Plans a run of {@code plan}'s goals against what {@code store} holds now, reusing every stored
   * result whose recorded inputs are unchanged.
   */
  public StagePlan plan(Plan plan, ResultStore store) {
    return plan(plan, ResultReuse.of(plan, store, CachePolicy.reuse(), InputFingerprints.shared()));
  }

  /** Plans a run of {@code plan}'s goals, reading from the store what {@code reuse} allows. */
  public StagePlan plan(Plan plan, ResultReuse reuse) {
    Needed needed = prune(plan, reuse);
    Subgraph graph = Subgraph.of(needed.toCompute);
    int[][] primitiveInputs = primitiveInputs(graph);
    int[] level = levels(graph, primitiveInputs);
    int levels = Arrays.stream(level).max().orElse(-1) + 1;
    int primitives = 0;
    for (int i = 0; i < graph.size(); i++) {
      if (graph.isPrimitive(i)) {
        primitives++;
      }
    }
    int helpers = graph.size() - primitives;
    int stageCap = settings.stageCap(primitives);
    int band = Math.max(1, (levels + stageCap - 1) / stageCap);
    boolean[] fanOut = new boolean[graph.size()];
    boolean[] fanOutLevel = new boolean[Math.max(levels, 0)];
    for (int i = 0; i < graph.size(); i++) {
      fanOut[i] = FanOutOperator.of(graph.nodes().get(i)).isPresent();
      if (fanOut[i]) {
        fanOutLevel[level[i]] = true;
      }
    }
    TaskBuilder tasks = new TaskBuilder(graph, reuse::forced);
    List<Stage> stages = new ArrayList<>();
    for (Segment segment : segments(levels, band, fanOutLevel)) {
      int[] members =
          IntStream.range(0, graph.size())
              .filter(
                  i ->
                      level[i] >= segment.first()
                          && level[i] <= segment.last()
                          && fanOut[i] == segment.fanOut())
              .toArray();
      if (members.length == 0) {
        continue;
      }
      stages.add(
          segment.fanOut()
              ? fanOutStage(stages.size(), segment.first(), members, tasks)
              : stage(
                  stages.size(),
                  segment.first(),
                  segment.last(),
                  members,
                  tasks,
                  primitiveInputs,
                  level));
    }
    if (!needed.stored.isEmpty()) {
      stages = withStoredChecks(stages, new ArrayList<>(needed.stored));
    }
    StagePlan result =
        new StagePlan(stages, needed.total, primitives, needed.stored.size(), helpers);
    LOG.info(
        "planned {} nodes: {} to compute in {} stages of {} tasks ({} levels, {} per stage), {} in the store, {} constants and closures",
        result.needed(),
        primitives,
        stages.size(),
        result.taskCount(),
        levels,
        band,
        result.fromStore(),
        helpers);
    return result;
  }

  /** What the goals need: nodes to compute, stored results at the edge, and the total. */
  private record Needed(List<Node> toCompute, Set<NodeId> stored, int total) {}

  private Needed prune(Plan plan, ResultReuse reuse) {
    Set<NodeId> seen = new HashSet<>();
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
        if (NodeEvaluator.isStored(node) && evaluator.purityOf(node) == Purity.PURE) {
          reusable.add(id);
        }
      }
      Set<NodeId> present = reusable.isEmpty() ? Set.of() : reuse.reusable(reusable);
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

  /**
   * For each node (by position), the positions of the primitive nodes to compute that it reads,
   * directly or through constants and closures.
   */
  private static int[][] primitiveInputs(Subgraph graph) {
    int[][] inputs = new int[graph.size()][];
    int[] mark = new int[graph.size()];
    int[] found = new int[graph.size()];
    for (int i = 0; i < graph.size(); i++) {
      int count = 0;
      for (int input : graph.inputs()[i]) {
        int[] through = graph.isPrimitive(input) ? new int[] {input} : inputs[input];
        for (int primitive : through) {
          if (mark[primitive] != i + 1) {
            mark[primitive] = i + 1;
            found[count++] = primitive;
          }
        }
      }
      inputs[i] = Arrays.copyOf(found, count);
    }
    return inputs;
  }

  /** Levels of primitive nodes (see the class comment); -1 for constants and closures. */
  private static int[] levels(Subgraph graph, int[][] primitiveInputs) {
    int[] level = new int[graph.size()];
    for (int i = 0; i < graph.size(); i++) {
      if (!graph.isPrimitive(i)) {
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
  private static Stage fanOutStage(int index, int level, int[] members, TaskBuilder tasks) {
    List<StageTask> built = new ArrayList<>(members.length);
    for (int member : members) {
      built.add(tasks.task(index, built.size(), new int[] {member}));
    }
    return new Stage(index, level, level, built, true);
  }

  private Stage stage(
      int index,
      int firstLevel,
      int lastLevel,
      int[] members,
      TaskBuilder tasks,
      int[][] primitiveInputs,
      int[] level) {
    Pieces pieces = new Pieces(level.length);
    for (int member : members) {
      for (int input : primitiveInputs[member]) {
        if (level[input] >= firstLevel) {
          pieces.union(member, input);
        }
      }
    }
    int[] byPiece = pieces.grouped(members);
    int target =
        Math.max(1, (members.length + settings.tasksPerStage() - 1) / settings.tasksPerStage());
    List<StageTask> built = new ArrayList<>();
    int from = 0;
    for (int k = 0; k < byPiece.length; k++) {
      boolean pieceEnds =
          k + 1 == byPiece.length || pieces.find(byPiece[k + 1]) != pieces.find(byPiece[k]);
      if (pieceEnds && k + 1 - from >= target) {
        built.add(tasks.task(index, built.size(), Arrays.copyOfRange(byPiece, from, k + 1)));
        from = k + 1;
      }
    }
    if (from < byPiece.length) {
      built.add(tasks.task(index, built.size(), Arrays.copyOfRange(byPiece, from, byPiece.length)));
    }
    return new Stage(index, firstLevel, lastLevel, built, false);
  }

  /**
   * Adds the stored results the walk stopped at to the first stage, as tasks that only confirm
   * them, so that a run over a full store still reports every goal's node as read from the store.
   */
  private List<Stage> withStoredChecks(List<Stage> stages, List<NodeId> storedIds) {
    int chunk =
        Math.max(1, (storedIds.size() + settings.tasksPerStage() - 1) / settings.tasksPerStage());
    List<StageTask> checks = new ArrayList<>();
    Stage first = stages.isEmpty() ? new Stage(0, 0, 0, List.of(), false) : stages.get(0);
    for (int from = 0; from < storedIds.size(); from += chunk) {
      List<NodeId> ids = storedIds.subList(from, Math.min(storedIds.size(), from + chunk));
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

    /**
     * {@code members} reordered piece by piece, pieces in the order of their first member and
     * members in their original order within a piece (a stable counting sort by piece).
     */
    int[] grouped(int[] members) {
      int[] pieceOfRoot = new int[parent.length];
      Arrays.fill(pieceOfRoot, -1);
      int pieceCount = 0;
      int[] piece = new int[members.length];
      for (int k = 0; k < members.length; k++) {
        int root = find(members[k]);
        if (pieceOfRoot[root] < 0) {
          pieceOfRoot[root] = pieceCount++;
        }
        piece[k] = pieceOfRoot[root];
      }
      int[] start = new int[pieceCount + 1];
      for (int p : piece) {
        start[p + 1]++;
      }
      for (int p = 0; p < pieceCount; p++) {
        start[p + 1] += start[p];
      }
      int[] grouped = new int[members.length];
      for (int k = 0; k < members.length; k++) {
        grouped[start[piece[k]]++] = members[k];
      }
      return grouped;
    }
  }
}
