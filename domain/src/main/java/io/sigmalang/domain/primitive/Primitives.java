package io.sigmalang.domain.primitive;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The table of all 256 primitives, read once from {@code primitives.tsv} (a copy of the specification's
 * table, shipped as a resource). Every id has an entry; the table is checked when loaded.
 */
public final class Primitives {
    private static final Primitive[] BY_ID = load();

    private Primitives() {
    }

    /** The primitive with this id. */
    public static Primitive byId(int id) {
        PrimitiveTier.of(id);
        return BY_ID[id];
    }

    /** The primitive with this name, ignoring case. */
    public static Optional<Primitive> byName(String name) {
        String wanted = name.toUpperCase(Locale.ROOT);
        return Arrays.stream(BY_ID).filter(p -> p.name().equals(wanted)).findFirst();
    }

    public static List<Primitive> all() {
        return List.of(BY_ID);
    }

    private static Primitive[] load() {
        Primitive[] table = new Primitive[256];
        try (InputStream in = Primitives.class.getResourceAsStream("primitives.tsv")) {
            if (in == null) {
                throw new IllegalStateException("primitives.tsv is missing from the domain jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line = reader.readLine(); // column names
            int lineNo = 1;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length != 4 || !cols[0].startsWith("0x")) {
                    throw new IllegalStateException("primitives.tsv line " + lineNo + ": expected id, name, tier,"
                            + " group separated by tabs");
                }
                // A row is one id ("0x10") or a range ("0x80-0xFF") whose name has an <n> counting from its first id.
                String[] range = cols[0].split("-");
                int first = Integer.parseInt(range[0].substring(2), 16);
                int last = range.length == 2 ? Integer.parseInt(range[1].substring(2), 16) : first;
                String name = cols[1].contains(" (") ? cols[1].substring(0, cols[1].indexOf(" (")) : cols[1];
                for (int id = first; id <= last; id++) {
                    PrimitiveTier tier = PrimitiveTier.of(id);
                    if (!tier.name().equalsIgnoreCase(cols[2])) {
                        throw new IllegalStateException("primitives.tsv line " + lineNo + ": id " + id
                                + " is in tier " + tier + ", not " + cols[2]);
                    }
                    table[id] = new Primitive(id, name.replace("<n>", Integer.toString(id - first)), tier, cols[3]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read primitives.tsv", e);
        }
        for (int id = 0; id < 256; id++) {
            if (table[id] == null) {
                throw new IllegalStateException(String.format("primitives.tsv has no entry for id 0x%02X", id));
            }
        }
        return table;
    }
}
