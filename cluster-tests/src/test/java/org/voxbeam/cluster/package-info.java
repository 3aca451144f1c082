/**
 * Tests that run the Beam path on a real multi-process cluster: {@code FlinkClusterRunTest} starts
 * a Flink session cluster of separate JVMs ({@code FlinkCluster}: a JobManager and two
 * TaskManagers, each with a directory of its own) and an S3-compatible server in its own process,
 * submits the dataset example with the FlinkRunner, and checks its values against the in-process
 * run and that every TaskManager computed and published results. Start at {@code
 * FlinkClusterRunTest}.
 */
package org.voxbeam.cluster;
