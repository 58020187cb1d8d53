package io.sigmalang.domain.codebook;

import io.sigmalang.domain.tree.SemanticNode;
import java.util.Optional;
import java.util.OptionalInt;

/** The empty codebook: never matches, expands nothing. */
enum NoCodebook implements Codebook {
    INSTANCE;

    @Override
    public OptionalInt match(SemanticNode root) {
        return OptionalInt.empty();
    }

    @Override
    public Optional<SemanticNode> expand(int id) {
        return Optional.empty();
    }
}
