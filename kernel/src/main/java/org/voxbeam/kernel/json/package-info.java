/**
 * JSON as VoxLogicA-2's Python writes and reads it. Node ids are SHA-256 hashes of JSON text, so
 * VoxBeam cannot use a general-purpose JSON tree for anything that is hashed: such trees forget
 * that {@code 2} and {@code 2.0} differ, print floats their own way, or are mutable. Start at
 * {@link org.voxbeam.kernel.json.JsonValue}, the small sealed, immutable model nodes and plans
 * carry; {@link org.voxbeam.kernel.json.CanonicalJson} turns it into the exact bytes {@code
 * json.dumps} writes (canonical for hashing, indented for exported plans) and {@link
 * org.voxbeam.kernel.json.JsonReader} reads text as {@code json.loads} does.
 *
 * <p>The bottom of the dependency graph: nothing here depends on another VoxBeam package (only on
 * Jackson's streaming parser), and nodes, plan files, reports and store rows all build on it. Rule:
 * how a value prints here decides node ids, so every change must agree with Python to the byte; the
 * node-id golden vectors in the kernel's tests are the check.
 */
package org.voxbeam.kernel.json;
