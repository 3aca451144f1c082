package org.voxbeam.pipeline.execution;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.RecordedInput;
import org.voxbeam.kernel.store.RecordedInputs;
import org.voxbeam.kernel.store.ResultStatus;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.pipeline.inputs.InputCheck;
import org.voxbeam.pipeline.inputs.InputFingerprints;
import org.voxbeam.pipeline.plan.Plan;

/**
 * Which stored results a run uses instead of computing, decided in one place for the in-process
 * scheduler, the Beam planner and workers, and {@code explain}. A stored result is reused when
 *
 * <ol>
 *   <li>its node is not forced by the run's {@link CachePolicy};
 *   <li>the store holds a success for it;
 *   <li>every file and listing it recorded still has its fingerprint ({@link InputCheck}); a row of
 *       store format version 1 recorded nothing, and is reused only if no node of its ancestry
 *       applies one of that version's readers ({@link #FORMAT_1_READERS}).
 * </ol>
 *
 * <p>Node ids stay VoxLogicA-2's: a consumer of a file-reading node has the same id whatever the
 * file held. What makes it a miss is that every result records the inputs of its whole ancestry
 * (see {@link RecordedInputs#union}), so a changed file invalidates everything downstream of it.
 */
public final class ResultReuse {
  /**
   * The operators of VoxBeam 0.1 that read files. Results that store format version 1 recorded have
   * no inputs; one computed from a file cannot be trusted now.
   */
  static final Set<String> FORMAT_1_READERS =
      Set.of("default.load", "default.dir", "simpleitk.ReadImage");

  private final ResultStore store;
  private final Set<NodeId> forced;
  private final InputCheck check;
  private final Optional<Plan> plan;
  private final Map<NodeId, Boolean> readsFiles = new ConcurrentHashMap<>();
  private final Map<NodeId, Map<String, StoredResult>> itemsByDigest = new ConcurrentHashMap<>();

  private ResultReuse(
      ResultStore store, Set<NodeId> forced, InputCheck check, Optional<Plan> plan) {
    this.store = store;
    this.forced = Set.copyOf(forced);
    this.check = check;
    this.plan = plan;
  }

  /**
   * Reuse for a run of {@code plan}.
   *
   * @throws IllegalArgumentException if {@code policy} names a goal the plan does not have
   */
  public static ResultReuse of(
      Plan plan, ResultStore store, CachePolicy policy, InputFingerprints fingerprints) {
    return new ResultReuse(
        store, policy.forcedNodes(plan), new InputCheck(fingerprints), Optional.of(plan));
  }

  /**
   * Reuse for a worker that has no plan, only tasks: nothing is forced (forced nodes reach it as
   * nodes to compute), and rows of format version 1 are not reused.
   */
  public static ResultReuse withoutPlan(ResultStore store, InputFingerprints fingerprints) {
    return new ResultReuse(store, Set.of(), new InputCheck(fingerprints), Optional.empty());
  }

  /** Whether the run must compute {@code id} whatever the store holds. */
  public boolean forced(NodeId id) {
    return forced.contains(id);
  }

  /** Those of {@code ids} whose stored results the run may use. */
  public Set<NodeId> reusable(Collection<NodeId> ids) {
    List<NodeId> candidates = new ArrayList<>(ids.size());
    for (NodeId id : ids) {
      if (!forced.contains(id)) {
        candidates.add(id);
      }
    }
    if (candidates.isEmpty()) {
      return Set.of();
    }
    Set<NodeId> reusable = new HashSet<>();
    for (NodeId id : store.containsAll(candidates)) {
      if (store.inputsOf(id).filter(inputs -> stillValid(id, inputs)).isPresent()) {
        reusable.add(id);
      }
    }
    return reusable;
  }

  /** The stored result of {@code id}, if the run may use it. */
  public Optional<StoredResult> reusableResult(NodeId id) {
    if (forced.contains(id)) {
      return Optional.empty();
    }
    return store
        .get(id)
        .filter(result -> result.status() == ResultStatus.SUCCEEDED)
        .filter(result -> stillValid(id, result.metadata().inputs()));
  }

  /**
   * The stored results a run may use for the items of fan-out node {@code node} below index {@code
   * end} (its item count, or the end of the batch of items a worker runs), whose item {@code k} has
   * child id {@code childIds.apply(k)}: see {@link ItemLookup}.
   */
  public ItemLookup items(NodeId node, int end, IntFunction<NodeId> childIds) {
    return new ItemLookup(node, end, childIds);
  }

  /**
   * Looks up the stored items of one fan-out node for one thread, a chunk of {@value #CHUNK}
   * indices at a time: which of a chunk's child ids the store holds is asked in one {@link
   * ResultStore#containsAll}, and only those are read. Asking item by item made a cold run's every
   * item a store miss, each of which looks at the segments directory for other processes' commits
   * (a directory this run's own commits keep changing).
   */
  public final class ItemLookup {
    private static final int CHUNK = 4096;

    private final NodeId node;
    private final int end;
    private final IntFunction<NodeId> childIds;
    private final NodeId[] chunk;
    private int chunkStart = -1;
    private Set<NodeId> storedInChunk;

    private ItemLookup(NodeId node, int end, IntFunction<NodeId> childIds) {
      this.node = node;
      this.end = end;
      this.childIds = childIds;
      this.chunk = new NodeId[Math.min(CHUNK, end)];
    }

    /** The child id of item {@code index}, computed once for the lookup and the caller. */
    public NodeId childId(int index) {
      if (index < 0 || index >= end) {
        throw new IndexOutOfBoundsException("item " + index + " is not below " + end);
      }
      if (chunkStart < 0 || index < chunkStart || index >= chunkStart + chunk.length) {
        chunkStart = index;
        Arrays.fill(chunk, null);
        storedInChunk = null;
      }
      NodeId id = chunk[index - chunkStart];
      if (id == null) {
        id = childIds.apply(index);
        chunk[index - chunkStart] = id;
      }
      return id;
    }

    /**
     * A stored result the run may use for item {@code index}: one computed from the same item value
     * ({@code itemDigest}) whose other recorded inputs are unchanged. It is looked for under the
     * item's own child id first, then among all the node's stored items by digest, so an item that
     * moved (a case added or removed before it in a listing) is reused too; the caller then stores
     * it under its new child id.
     */
    public Optional<ReusableItem> reusable(int index, Optional<String> itemDigest) {
      if (forced.contains(node) || itemDigest.isEmpty()) {
        return Optional.empty();
      }
      NodeId child = childId(index);
      if (storedInChunk == null) {
        storedInChunk = store.containsAll(chunkIds(index));
      }
      RecordedInput item = RecordedInput.item(itemDigest.get());
      Optional<StoredResult> here =
          storedInChunk.contains(child)
              ? store
                  .get(child)
                  .filter(result -> result.status() == ResultStatus.SUCCEEDED)
                  .filter(
                      result ->
                          !result.metadata().inputs().known()
                              || result.metadata().inputs().entries().contains(item))
                  .filter(result -> stillValid(node, result.metadata().inputs()))
              : Optional.empty();
      if (here.isPresent()) {
        return Optional.of(new ReusableItem(here.get(), false));
      }
      return Optional.ofNullable(itemsByDigest(node, childIds).get(itemDigest.get()))
          .filter(result -> stillValid(node, result.metadata().inputs()))
          .map(result -> new ReusableItem(result, true));
    }

    /** The child ids of the chunk, from {@code index} to the chunk's end or {@link #end}. */
    private List<NodeId> chunkIds(int index) {
      int last = Math.min(end, chunkStart + chunk.length);
      List<NodeId> ids = new ArrayList<>(last - index);
      for (int k = index; k < last; k++) {
        ids.add(childId(k));
      }
      return ids;
    }
  }

  /**
   * A stored item result a run may use.
   *
   * @param result the stored result
   * @param moved whether it is stored under another index of the node than the item's now
   */
  public record ReusableItem(StoredResult result, boolean moved) {}

  /**
   * The node's stored item successes by the digest of their item, read once per run: children
   * {@code 0, 1, …} until one is missing (a sequence's items have consecutive indices).
   */
  private Map<String, StoredResult> itemsByDigest(NodeId node, IntFunction<NodeId> childIds) {
    return itemsByDigest.computeIfAbsent(
        node,
        unused -> {
          Map<String, StoredResult> byDigest = new HashMap<>();
          for (int k = 0; ; k++) {
            Optional<StoredResult> stored = store.get(childIds.apply(k));
            if (stored.isEmpty()) {
              return byDigest;
            }
            if (stored.get().status() == ResultStatus.SUCCEEDED) {
              for (RecordedInput input : stored.get().metadata().inputs().entries()) {
                if (input.kind() == RecordedInput.Kind.ITEM) {
                  byDigest.putIfAbsent(input.sha256().orElseThrow(), stored.get());
                }
              }
            }
          }
        });
  }

  private boolean stillValid(NodeId node, RecordedInputs inputs) {
    if (!inputs.known()) {
      return plan.isPresent() && !readsFiles(node);
    }
    return check.unchanged(inputs);
  }

  /** Whether {@code root} or any node it depends on applies a reader of format version 1. */
  private boolean readsFiles(NodeId root) {
    Boolean known = readsFiles.get(root);
    if (known != null) {
      return known;
    }
    Plan source = plan.orElseThrow();
    Deque<NodeId> pending = new ArrayDeque<>();
    pending.push(root);
    while (!pending.isEmpty()) {
      NodeId id = pending.peek();
      if (readsFiles.containsKey(id)) {
        pending.pop();
        continue;
      }
      Node node = source.node(id).orElse(null);
      if (node == null) {
        readsFiles.put(id, false);
        pending.pop();
        continue;
      }
      boolean reads = FORMAT_1_READERS.contains(node.operator());
      boolean ready = true;
      for (NodeId dependency : node.dependencies()) {
        Boolean dependencyReads = readsFiles.get(dependency);
        if (dependencyReads == null) {
          ready = false;
          pending.push(dependency);
        } else {
          reads |= dependencyReads;
        }
      }
      if (ready) {
        readsFiles.put(id, reads);
        pending.pop();
      }
    }
    return readsFiles.get(root);
  }
}
