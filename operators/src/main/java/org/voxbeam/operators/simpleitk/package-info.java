/**
 * The {@code simpleitk} namespace: SimpleITK's procedural interface, implemented in Java with ITK's
 * semantics, so VoxLogicA-2 programs that call SimpleITK run on VoxBeam unchanged.
 *
 * <p>Start at {@link org.voxbeam.operators.simpleitk.SimpleItkLibrary}, which registers one
 * operator per procedure. {@link org.voxbeam.operators.simpleitk.SimpleItkProcedures} is the
 * interface as data (names, overloads, defaults, pixel types), generated from SimpleITK's own
 * filter descriptions; {@code CallBinder} binds a call's arguments to it the way SimpleITK's Python
 * wrapper dispatches, giving a {@code Call}; each {@code FilterFamily} implements a group of
 * procedures on a {@code Call}. Output pixel types, boundary conditions and defaults are ITK's;
 * every known deviation is listed in the project's images documentation.
 */
package org.voxbeam.operators.simpleitk;
