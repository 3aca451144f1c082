/**
 * What the tests of every module share, and nothing of VoxBeam itself: {@link
 * org.voxbeam.testkit.SharedFixtures} finds the golden vectors VoxLogicA-2 produced and the sample
 * images (the {@code shared/} folder beside the repository, or the {@code voxbeam.shared}
 * property); {@link org.voxbeam.testkit.HostilePrograms} and {@link
 * org.voxbeam.testkit.HostileImages} generate the inputs of the stress and fuzz suites (deep
 * nesting, huge literals, lying headers, decompression bombs); {@link
 * org.voxbeam.testkit.JvmProcesses} starts the JVMs the crash and multi-process tests kill or race;
 * {@link org.voxbeam.testkit.S3ServerProcess} starts the S3-compatible test server in a process of
 * its own; {@link org.voxbeam.testkit.Campaign} marks the long campaigns the everyday build leaves
 * out.
 *
 * <p>The kit depends only on the JDK, so the kernel's own tests can use it too; fixtures that need
 * VoxBeam's types (plans, stores) live beside the module that owns those types.
 */
package org.voxbeam.testkit;
