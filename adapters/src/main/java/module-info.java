/**
 * The adapters a library user may embed: the rule-based text parser (with its lexicon), tree JSON and the
 * container format. Jackson's streaming core is the only library; the metrics views are the module
 * {@code io.sigmalang.adapters.metrics} (artifact {@code sigmalang-metrics}). Java 21.
 */
module io.sigmalang.adapters {
    requires transitive io.sigmalang.domain;
    // Transitive: TreeJson reads and writes nodes with Jackson's JsonParser and JsonGenerator (its public API).
    requires transitive com.fasterxml.jackson.core;

    exports io.sigmalang.adapters.container;
    exports io.sigmalang.adapters.json;
    exports io.sigmalang.adapters.parser;
}
