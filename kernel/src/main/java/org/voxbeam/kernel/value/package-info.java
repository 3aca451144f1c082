/**
 * The values nodes compute. {@link org.voxbeam.kernel.value.Value} is a sealed interface mirroring
 * VoxLogicA-2's {@code voxpod/1} types, plus datasets, failures ({@link
 * org.voxbeam.kernel.value.ErrorValue}) and the run-time-only function values closures evaluate to;
 * start there. Large payloads (bytes, arrays, images) hold a {@link org.voxbeam.kernel.value.Blob}
 * rather than an array, so a store can stream them and a kernel's freshly filled array becomes a
 * value without a copy ({@link org.voxbeam.kernel.value.InMemoryBlob}). {@link
 * org.voxbeam.kernel.value.PythonText} prints values as Python's {@code str} does, which programs
 * observe.
 *
 * <p>Every other package speaks in these types: operators take and return them, the store's codecs
 * and the reports encode them. Rules: values are immutable and a blob's bytes are never handed out
 * for writing; failures are values, not exceptions, so a failed node is stored and reported like
 * any other; the set of types is closed on purpose, and a new one must be handled by every consumer
 * (the store's row codec, JSON and text printers, operators' type checks) before it exists;
 * function values are never stored, they are rebuilt from their node.
 */
package org.voxbeam.kernel.value;
