package org.voxbeam.pipeline.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.InMemoryResultStore;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.kernel.store.StoreStats;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.operators.library.StandardLibrary;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.synthetic.SyntheticPlans;

/**
 * A result the store listed when the run was planned but cannot deliver when it is read (its blob
 * was quarantined as corrupt, or it was evicted) is computed again, never reported as a failure: a
 * bad stored result costs time, not a wrong answer.
 */
class UnreadableStoredResultTest {

  @Test
  void resultsThatCannotBeReadAreComputedAgain() {
    Plan plan = SyntheticPlans.additions(400, 8, 11).generate();
    List<GoalResult> expected;
    try (InMemoryResultStore reference = new InMemoryResultStore()) {
      expected = scheduler(reference).run(plan, ExecutionListener.NONE).goals();
    }
    try (UnreadableStore store = new UnreadableStore()) {
      scheduler(store).run(plan, ExecutionListener.NONE);
      for (Node node : plan.topologicalOrder()) {
        store.makeUnreadable(node.id());
      }
      RunResult again = scheduler(store).run(plan, ExecutionListener.NONE);
      assertFalse(again.goals().stream().anyMatch(GoalResult::failed), "a goal failed");
      assertEquals(
          expected.stream().map(GoalResult::value).toList(),
          again.goals().stream().map(GoalResult::value).toList());
    }
  }

  private static DynamicScheduler scheduler(ResultStore store) {
    return new DynamicScheduler(
        new NodeEvaluator(StandardLibrary.registry()),
        store,
        SchedulerOptions.defaults().withThreads(2));
  }

  /**
   * Lists every result it ever held, but cannot read those marked unreadable until they are written
   * again: what a store looks like to a run when a blob is quarantined mid-run.
   */
  private static final class UnreadableStore implements ResultStore {
    private final InMemoryResultStore delegate = new InMemoryResultStore();
    private final Set<NodeId> unreadable = new HashSet<>();

    synchronized void makeUnreadable(NodeId id) {
      unreadable.add(id);
    }

    @Override
    public synchronized Optional<StoredResult> get(NodeId id) {
      return unreadable.contains(id) ? Optional.empty() : delegate.get(id);
    }

    @Override
    public synchronized Set<NodeId> containsAll(Collection<NodeId> ids) {
      return delegate.containsAll(ids);
    }

    @Override
    public synchronized void putAll(Collection<StoredResult> results) {
      results.forEach(result -> unreadable.remove(result.id()));
      delegate.putAll(results);
    }

    @Override
    public StoreStats stats() {
      return delegate.stats();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }
}
