/**
 * What results depend on outside the store: {@link org.voxbeam.pipeline.inputs.InputFingerprints}
 * fingerprints files and directory listings (SHA-256, with a size/time/file-key pre-check so an
 * unchanged file is not hashed again), {@link org.voxbeam.pipeline.inputs.InputLog} collects what
 * one evaluation declares it reads, {@link org.voxbeam.pipeline.inputs.InputCheck} tells a run
 * whether recorded inputs still hold, and {@link org.voxbeam.pipeline.inputs.ValueDigest} names the
 * item a fan-out result was computed from.
 */
package org.voxbeam.pipeline.inputs;
