/**
 * The nodes of a plan and how they are named. {@link org.voxbeam.kernel.node.Node} is the seam
 * between front ends and the engine (start there): the scheduler, the Beam stages and the store see
 * only this interface. {@link org.voxbeam.kernel.node.VoxNode} is its VoxLogicA-2 compatible
 * implementation, {@link org.voxbeam.kernel.node.NodeId} the SHA-256 that names a node and keys its
 * result, and {@link org.voxbeam.kernel.node.NodeHashing} computes ids, for nodes and for the items
 * a result is split into. {@link org.voxbeam.kernel.node.ClosureSpec} is the typed view of a
 * closure node's attributes.
 *
 * <p>Depends only on {@code org.voxbeam.kernel.json}. The reducer and the plan reader build nodes;
 * everything that executes or stores results consumes them. Rules: a node id must equal the one
 * VoxLogicA-2 computes for the same program, so which fields enter the hash, and how they are
 * encoded, follows VoxLogicA-2 and is checked against its golden vectors; everything here is
 * immutable, and malformed ids are refused where they enter, never hashed or stored.
 */
package org.voxbeam.kernel.node;
