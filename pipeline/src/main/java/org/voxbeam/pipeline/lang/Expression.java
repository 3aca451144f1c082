package org.voxbeam.pipeline.lang;

/**
 * An ImgQL expression. Closed so that the reducer and interpreters handle every form; each form
 * prints itself back as VoxLogicA-2 does, because that text is part of closure node content and
 * therefore of node ids.
 */
public sealed interface Expression
    permits Call,
        NumberLiteral,
        BooleanLiteral,
        StringLiteral,
        ArrayLiteral,
        SliceExpression,
        LetExpression,
        ForExpression,
        FilterExpression,
        FoldExpression {

  /** The expression in VoxLogicA-2's canonical printed form (calls prefix, no spaces). */
  String toSyntax();
}
