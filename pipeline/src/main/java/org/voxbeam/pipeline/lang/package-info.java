/**
 * The ImgQL surface language: a lexer and recursive-descent parser that accept exactly the programs
 * VoxLogicA-2's grammar accepts and build the same syntax trees, so that expressions printed with
 * {@link org.voxbeam.pipeline.lang.Expression#toSyntax()} match the closure bodies VoxLogicA-2
 * writes into its plans character for character.
 */
package org.voxbeam.pipeline.lang;
