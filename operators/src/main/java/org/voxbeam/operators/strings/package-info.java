/**
 * VoxLogicA-2's {@code strings} namespace: text built as Python builds it, because programs use it
 * to name files and label results. {@link org.voxbeam.operators.strings.StringsOperators} registers
 * the operators (start there); {@link org.voxbeam.operators.strings.PythonFormat} is CPython's
 * {@code str.format}, down to rounding, padding, grouping and error messages, with the format-spec
 * mini-language parsed by a package-private {@code FormatSpec}.
 *
 * <p>Registered by {@code transforms.library}; values are printed with the kernel's {@link
 * org.voxbeam.kernel.value.PythonText}. Rule: output, and the message of an error Python raises,
 * must equal CPython's for the same arguments; what is not supported (attribute and index access in
 * fields) fails with a message saying so, never with text that is nearly right.
 */
package org.voxbeam.operators.strings;
