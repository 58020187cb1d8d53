package io.sigmalang.launcher;

import io.sigmalang.launcher.cli.SigmalangCli;
import io.sigmalang.launcher.cli.Terminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The training run of the ahead-of-time cache that {@code bin/sigmalang --build-aot-cache} writes (JDK 25,
 * JEP 483/514/515): every command once, in one JVM, on a sample conversation, so that the classes each command
 * loads and links, and the profiles of its hot methods, are in the cache. The output goes to a temporary folder
 * that is deleted; a command that fails stops the training with exit 1, so no cache is trained on an error path.
 *
 * <p>Usage: {@code java -XX:AOTCacheOutput=sigmalang.aot -cp sigmalang.jar io.sigmalang.launcher.AotTraining SAMPLE}.
 */
public final class AotTraining {
    private AotTraining() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: AotTraining SAMPLE.txt (a conversation, one message per line)");
            System.exit(2);
        }
        Main.useReflectionInGuice();
        String sample = args[0];
        Path dir = Files.createTempDirectory("sigmalang-aot-training");
        try {
            String container = dir.resolve("sample.sigma").toString();
            List<List<String>> runs = List.of(
                    List.of("--help"),
                    List.of("encode", "--help"),
                    List.of("encode", sample, "-o", container, "--stats-json", dir.resolve("stats.json").toString()),
                    List.of("decode", container, "-o", dir.resolve("sample.jsonl").toString()),
                    List.of("parse", sample, "-o", dir.resolve("parsed.jsonl").toString()),
                    List.of("tree-decode", container, "--out-dir", dir.resolve("trees").toString()));
            for (List<String> run : runs) {
                StringWriter err = new StringWriter();
                Terminal quiet = new Terminal(InputStream.nullInputStream(), OutputStream.nullOutputStream(),
                        new PrintWriter(err, true), false, System.getenv(), System.getProperties());
                int code = SigmalangCli.execute(quiet, run.toArray(String[]::new));
                // tree-decode of a container (not a raw stream) is an expected data error, trained on purpose.
                int expected = run.get(0).equals("tree-decode") ? 65 : 0;
                if (code != expected) {
                    System.err.println("training run '" + String.join(" ", run) + "' exited " + code + ": " + err);
                    System.exit(1);
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(AotTraining::delete);
            }
        }
    }

    private static void delete(Path p) {
        try {
            Files.delete(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
