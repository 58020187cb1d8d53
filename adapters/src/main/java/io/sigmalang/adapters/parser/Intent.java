package io.sigmalang.adapters.parser;

/** What a message asks for, decided by the first rule that matches, and the root primitive it gives. */
enum Intent {
    CODE_REQUEST(0x50),
    QUERY(0x60),
    EXPLANATION(0x64),
    DEFINITION(0x66),
    COMPARISON(0x57),
    MODIFICATION(0x52),
    COMMAND(0x01),
    STATEMENT(0x61);

    private final int rootPrimitive;

    Intent(int rootPrimitive) {
        this.rootPrimitive = rootPrimitive;
    }

    int rootPrimitive() {
        return rootPrimitive;
    }
}
