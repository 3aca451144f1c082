package org.voxbeam.transforms;

import org.voxbeam.pipeline.corpus.Corpus;

/**
 * The programs of VoxLogicA-2's gallery, in process and on the DirectRunner ({@link CorpusRuns}).
 */
class CorpusGalleryRunTest extends CorpusRuns {
  static final String GALLERY = "gallery/";

  @Override
  boolean runs(Corpus.Program program) {
    return program.name().startsWith(GALLERY);
  }
}
