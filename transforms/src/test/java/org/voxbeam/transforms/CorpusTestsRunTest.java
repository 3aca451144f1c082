package org.voxbeam.transforms;

import org.voxbeam.pipeline.corpus.Corpus;

/**
 * Every program of the corpus outside VoxLogicA-2's gallery (its test programs), in process and on
 * the DirectRunner ({@link CorpusRuns}).
 */
class CorpusTestsRunTest extends CorpusRuns {
  @Override
  boolean runs(Corpus.Program program) {
    return !program.name().startsWith(CorpusGalleryRunTest.GALLERY);
  }
}
