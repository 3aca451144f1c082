/**
 * The scalar-only operators of VoxLogicA-2's {@code vox1} namespace ({@link
 * org.voxbeam.operators.vox1.Vox1ScalarOperators}), which the compatibility library's dotted
 * operators reduce to. They compute on Python floats: {@code vox1.num_add} of two integers is a
 * float, unlike {@code default.addition}.
 *
 * <p>The other half of {@code vox1}, the image operators and the infix operators that take scalars
 * and images alike, lives in {@code transforms.image}, which delegates their scalar case here; both
 * are registered by {@code transforms.library}. Rule: keep the float semantics apart from {@code
 * default}'s integer-preserving ones; a program observes the difference.
 */
package org.voxbeam.operators.vox1;
