package io.sigmalang.launcher.cli;

import io.sigmalang.adapters.json.TreeJson;
import io.sigmalang.adapters.parser.RuleBasedTextParser;
import io.sigmalang.domain.parser.TextParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code parse}: text lines into tree JSON lines, with the rule-based parser. */
@Command(name = "parse", mixinStandardHelpOptions = true,
        description = "Parse text, one message per line, into semantic trees: one tree JSON per line.")
final class ParseCommand extends BaseCommand {

    @Parameters(index = "0", arity = "0..1", defaultValue = "-", paramLabel = "FILE|-",
            description = "UTF-8 text, one message per line (default: standard input).")
    String input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", defaultValue = "-",
            description = "Where to write the JSON Lines (default: standard output). A file takes this name only once"
                    + " the whole input is parsed.")
    String output;

    ParseCommand(Terminal terminal) {
        super(terminal);
    }

    @Override
    int run() throws IOException {
        TextParser parser = new RuleBasedTextParser();
        TreeJson json = new TreeJson();
        refuseOutputOverInput(output, "output", input);
        try (InputStream in = openInput(input); StagedOutput staged = openStagedOutput(output)) {
            OutputStream out = staged.stream();
            Utf8Lines lines = new Utf8Lines(in, input);
            for (String line = lines.next(); line != null; line = lines.next()) {
                json.write(parser.parse(line).root(), out);
                out.write('\n');
            }
            staged.commit();
        }
        return ExitCodes.OK;
    }
}
