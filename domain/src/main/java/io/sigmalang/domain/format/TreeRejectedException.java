package io.sigmalang.domain.format;

/**
 * A tree the format cannot carry exactly (too many glyphs for one stream, a value too long or not valid
 * Unicode, a leaf that would read back as an end marker). Raised before anything is written; the message
 * names the node by its path from the root (child indexes, {@code root/2/0}).
 */
public final class TreeRejectedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String nodePath;

    public TreeRejectedException(String nodePath, String problem) {
        super("cannot encode node " + nodePath + ": " + problem);
        this.nodePath = nodePath;
    }

    /** The rejected node's path from the root, such as {@code root/2/0}, or {@code root} for the whole tree. */
    public String nodePath() {
        return nodePath;
    }
}
