package org.voxbeam.api;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.voxbeam.kernel.value.ErrorValue;
import org.voxbeam.pipeline.execution.GoalFiles;
import org.voxbeam.pipeline.execution.GoalResult;
import org.voxbeam.pipeline.execution.RunResult;
import org.voxbeam.pipeline.plan.Goal;

/**
 * Writes the {@code save} goals of a finished run. A goal whose file cannot be written (refused by
 * the targets, a format that cannot hold the value, a disk error) becomes a failed goal with the
 * reason, so the report, {@code --json}, the HTTP status and the run record all say so.
 */
final class SavedGoals {
  private SavedGoals() {}

  static RunResult save(RunResult result, SaveTargets targets) {
    List<GoalResult> goals = new ArrayList<>(result.goals().size());
    for (GoalResult goal : result.goals()) {
      goals.add(
          goal.goal().operation() == Goal.Operation.SAVE && !goal.failed()
              ? saved(goal, targets)
              : goal);
    }
    return result.withGoals(goals);
  }

  private static GoalResult saved(GoalResult goal, SaveTargets targets) {
    String name = goal.goal().name();
    try {
      Path target = targets.target(name);
      GoalFiles.save(target, goal.value());
      return goal;
    } catch (IOException | RuntimeException e) {
      String message = "cannot save goal to " + name + ": " + reason(e);
      return new GoalResult(
          goal.goal(), new ErrorValue(message, goal.goal().id(), "save", Optional.empty()));
    }
  }

  /** What went wrong, in words: file system errors carry only a path as their message. */
  private static String reason(Exception e) {
    if (e instanceof FileSystemException failure) {
      String what =
          e instanceof NoSuchFileException
              ? "no such file or directory"
              : e instanceof FileAlreadyExistsException
                  ? "a file is in the way"
                  : e instanceof AccessDeniedException
                      ? "permission denied"
                      : e instanceof NotDirectoryException
                          ? "not a directory"
                          : failure.getReason() != null
                              ? failure.getReason()
                              : e.getClass().getSimpleName();
      return failure.getFile() + ": " + what;
    }
    return e.getMessage() == null ? e.toString() : e.getMessage();
  }
}
