package org.voxbeam.pipeline.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.voxbeam.kernel.node.Node;
import org.voxbeam.kernel.node.NodeHashing;
import org.voxbeam.kernel.node.NodeId;
import org.voxbeam.kernel.store.ResultMetadata;
import org.voxbeam.kernel.store.ResultStore;
import org.voxbeam.kernel.store.StoredResult;
import org.voxbeam.kernel.value.NumberValue;
import org.voxbeam.operators.library.StandardLibrary;
import org.voxbeam.pipeline.plan.Plan;
import org.voxbeam.pipeline.reduce.Reducer;

/**
 * The items of a fan-out that reads nothing outside the store are kept in the node's row when it
 * completes within a commit interval; otherwise, and whenever a node reads a file, each item is a
 * row of its own, as item reuse and resuming need ({@link HeldItems}).
 */
class HeldItemsTest {
  private static final String MAP_PROGRAM =
      "f(i) = i * 2\nxs = map(f, range(0, 1000))\nprint \"total\" fold + 0 xs\n";

  @TempDir Path dir;

  @Test
  void aFanOutThatReadsNothingIsStoredAsItsRowAlone() {
    Plan plan = Reducer.standard().reduceText(MAP_PROGRAM, "map.imgql");
    NodeId map = node(plan, "default.map");
    try (RecordingStore store = new RecordingStore()) {
      RunResult first =
          scheduler(store, SchedulerOptions.DEFAULT_COMMIT_INTERVAL)
              .run(plan, ExecutionListener.NONE);
      assertEquals(new NumberValue(999_000), first.goals().get(0).value());
      StoredResult row = store.committed(map).orElseThrow();
      assertFalse(row.itemsCommitted(), "the map's row holds its items");
      Set<NodeId> committed = store.committedIds();
      assertTrue(
          itemIds(map, 1000).stream().noneMatch(committed::contains),
          "no item is a row of its own");

      RunResult second =
          scheduler(store, SchedulerOptions.DEFAULT_COMMIT_INTERVAL)
              .run(plan, ExecutionListener.NONE);
      assertEquals(0, second.stats().computed(), "the second run reuses the map's row");
      assertEquals(first.goals().get(0).value(), second.goals().get(0).value());
    }
  }

  @Test
  void itemsAreRowsOfTheirOwnOnceTheIntervalHasPassed() {
    Plan plan = Reducer.standard().reduceText(MAP_PROGRAM, "map.imgql");
    NodeId map = node(plan, "default.map");
    try (RecordingStore store = new RecordingStore()) {
      scheduler(store, Duration.ofNanos(1)).run(plan, ExecutionListener.NONE);
      assertTrue(store.committed(map).orElseThrow().itemsCommitted());
      assertItemRows(store, map, 1000, "");
    }
  }

  @Test
  void aFanOutThatOutlastsTheIntervalCommitsEveryItemAsARow() {
    Plan plan =
        Reducer.standard()
            .reduceText(
                "slow(x) = fold + x range(0, 20000)\nxs = map(slow, range(0, 2000))\n"
                    + "print \"total\" fold + 0 xs\n",
                "slow.imgql");
    NodeId map = node(plan, "default.map");
    Duration interval = Duration.ofMillis(50);
    try (RecordingStore store = new RecordingStore()) {
      long began = System.nanoTime();
      scheduler(store, interval).run(plan, ExecutionListener.NONE);
      long intervals = (System.nanoTime() - began) / interval.toNanos();
      assertTrue(store.committed(map).orElseThrow().itemsCommitted());
      assertItemRows(store, map, 2000, "");
      // About one commit per interval the run lasted (what was held goes with one), and the flush.
      assertTrue(
          store.batches.size() <= intervals + 3,
          store.batches.size() + " commits in " + intervals + " intervals");
    }
  }

  @Test
  void noMoreThanABoundedNumberOfItemsIsHeld() {
    try (RecordingStore store = new RecordingStore();
        ResultCommitter committer = new ResultCommitter(store, 8192, Duration.ofHours(1))) {
      HeldItems held = HeldItems.of(true, committer, Duration.ofHours(1));
      for (int i = 0; i < HeldItems.MAX_HELD; i++) {
        held.add(item(i), true);
      }
      assertTrue(held.holdsAll());
      held.add(item(HeldItems.MAX_HELD), true);
      assertFalse(held.holdsAll(), "one more is not held");
      committer.flush();
      assertEquals(HeldItems.MAX_HELD + 1, store.committedIds().size(), "every item committed");
    }
  }

  @Test
  void theItemsOfAFanOutOverAListingAreRowsOfTheirOwn() throws IOException {
    Path cases = Files.createDirectories(dir.resolve("cases"));
    for (String name : List.of("a.txt", "b.txt", "c.txt")) {
      Files.writeString(cases.resolve(name), name);
    }
    String program =
        "one(x) = 1\nxs = map(one, dir(\""
            + cases.toString().replace('\\', '/')
            + "\"))\nprint \"n\" fold + 0 xs\n";
    Plan plan = Reducer.standard().reduceText(program, "listing.imgql");
    NodeId map = node(plan, "default.map");
    try (RecordingStore store = new RecordingStore()) {
      RunResult run =
          scheduler(store, SchedulerOptions.DEFAULT_COMMIT_INTERVAL)
              .run(plan, ExecutionListener.NONE);
      assertEquals(new NumberValue(3), run.goals().get(0).value());
      assertTrue(store.committed(map).orElseThrow().itemsCommitted());
      assertItemRows(store, map, 3, ": a case added to the listing reuses the others");
    }
  }

  private static StoredResult item(int i) {
    return new StoredResult(
        NodeHashing.sha256("item " + i),
        new NumberValue(i),
        new ResultMetadata("test.op", Duration.ZERO, Instant.EPOCH, "test"));
  }

  private static DynamicScheduler scheduler(ResultStore store, Duration interval) {
    return new DynamicScheduler(
        new NodeEvaluator(StandardLibrary.registry()),
        store,
        SchedulerOptions.defaults().withThreads(2).withCommitInterval(interval));
  }

  private static NodeId node(Plan plan, String operator) {
    return plan.topologicalOrder().stream()
        .filter(node -> operator.equals(node.operator()))
        .map(Node::id)
        .findFirst()
        .orElseThrow();
  }

  /** The child ids of the first {@code items} items of {@code parent}. */
  private static List<NodeId> itemIds(NodeId parent, int items) {
    List<NodeId> ids = new ArrayList<>(items);
    for (int i = 0; i < items; i++) {
      ids.add(NodeHashing.sequenceItemId(parent, i));
    }
    return ids;
  }

  /** Asserts that each of the first {@code items} items of {@code parent} was committed. */
  private static void assertItemRows(RecordingStore store, NodeId parent, int items, String why) {
    Set<NodeId> committed = store.committedIds();
    List<NodeId> ids = itemIds(parent, items);
    for (int i = 0; i < items; i++) {
      assertTrue(committed.contains(ids.get(i)), "item " + i + why);
    }
  }
}
