package io.sigmalang.domain.codebook;

import io.sigmalang.domain.tree.SemanticNode;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Optional port: learned patterns, each standing for a whole tree under an id in the learned tier
 * (0x80..0xFF). The encoder uses a match only when expanding the id gives back exactly the tree, so a
 * faulty codebook can cost compression but never a wrong decode. Encoder and decoder must use the same
 * codebook.
 */
public interface Codebook {

    /** The lowest learned id. */
    int FIRST_LEARNED_ID = 0x80;

    /** The highest learned id. */
    int LAST_LEARNED_ID = 0xFF;

    /** The learned id (0x80..0xFF) whose pattern is exactly {@code root}, or empty. */
    OptionalInt match(SemanticNode root);

    /** The tree a learned id stands for, or empty when the id is not in this codebook. */
    Optional<SemanticNode> expand(int id);

    /** The codebook that knows no pattern. */
    static Codebook none() {
        return NoCodebook.INSTANCE;
    }
}
