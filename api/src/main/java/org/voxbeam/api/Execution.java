package org.voxbeam.api;

import java.util.List;
import java.util.Optional;
import org.voxbeam.pipeline.execution.RunResult;

/**
 * What an engine hands back to {@link VoxBeam}, which adds the store's growth to make a {@link
 * RunReport}.
 *
 * @param result the goals and node counts
 * @param stages where the time went
 * @param peers what the run fetched from peers; empty when it asked none
 */
record Execution(RunResult result, List<StageTime> stages, Optional<PeerTransfer> peers) {}
