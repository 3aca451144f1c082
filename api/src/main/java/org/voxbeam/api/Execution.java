package org.voxbeam.api;

import java.util.List;
import java.util.OptionalLong;
import org.voxbeam.pipeline.execution.RunResult;

/**
 * What an engine hands back to {@link VoxBeam}, which adds the store's growth to make a {@link
 * RunReport}.
 *
 * @param result the goals and node counts
 * @param stages where the time went
 * @param fetched how many of the nodes read from the store were fetched from peers; empty when the
 *     run asked none
 */
record Execution(RunResult result, List<StageTime> stages, OptionalLong fetched) {}
