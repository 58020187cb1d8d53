package io.sigmalang.adapters.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns the jobs read, checked by name and type before anything runs, and selected in a fixed order so
 * the tasks read them by position. Names match exactly (as Spark resolves them, case-insensitively by default);
 * other columns are ignored. {@code seq} may be any whole-number type (a Parquet int32 is widened, never
 * narrowed); every other column must be of exactly its type.
 */
final class Columns {
    static final String CONVERSATION = "conversation";
    static final String SEQ = "seq";
    static final String TEXT = "text";
    static final String STREAM = "stream";
    /** Where Spark's JSON reader puts a line it could not read (its default name), with the other columns null. */
    static final String CORRUPT_RECORD = "_corrupt_record";

    private Columns() {
    }

    /**
     * {@code conversation}, {@code seq} (as a long), {@code text}, in this order, then the raw text of a record the
     * reader could not read ({@value #CORRUPT_RECORD}, when the input has that column; else null).
     */
    static Dataset<Row> messages(Dataset<Row> input) {
        return select(input, "messages", List.of(
                new Expected(CONVERSATION, "string", StringType.class),
                new Expected(SEQ, "a whole number (long)", LongType.class),
                new Expected(TEXT, "string", StringType.class)), true);
    }

    /** {@code conversation}, {@code seq} (as a long) and {@code stream}, in this order. */
    static Dataset<Row> streams(Dataset<Row> input) {
        return select(input, "streams", List.of(
                new Expected(CONVERSATION, "string", StringType.class),
                new Expected(SEQ, "a whole number (long)", LongType.class),
                new Expected(STREAM, "binary", BinaryType.class)), false);
    }

    private record Expected(String name, String spelled, Class<?> type) {
    }

    private static Dataset<Row> select(Dataset<Row> input, String what, List<Expected> expected,
            boolean corruptRecords) {
        StructType schema = input.schema();
        List<Column> columns = new ArrayList<>();
        for (Expected e : expected) {
            StructField field = find(schema, e.name());
            if (field == null) {
                throw new InvalidInputException("the " + what + " input has no column " + e.name() + " (expected "
                        + describe(expected) + "; found " + describe(schema) + ")");
            }
            DataType type = field.dataType();
            boolean widen = e.name().equals(SEQ) && (type instanceof IntegerType || type instanceof ShortType
                    || type instanceof ByteType);
            if (!e.type().isInstance(type) && !widen) {
                throw new InvalidInputException("the " + what + " input's column " + field.name() + " is "
                        + type.simpleString() + " (expected " + e.spelled() + ")");
            }
            Column column = functions.col(field.name());
            columns.add((widen ? column.cast("long") : column).as(e.name()));
        }
        if (corruptRecords) {
            StructField corrupt = find(schema, CORRUPT_RECORD);
            columns.add(corrupt != null && corrupt.dataType() instanceof StringType
                    ? functions.col(corrupt.name()) : functions.lit(null).cast("string").as(CORRUPT_RECORD));
        }
        return input.select(columns.toArray(new Column[0]));
    }

    private static StructField find(StructType schema, String name) {
        for (StructField field : schema.fields()) {
            if (field.name().toLowerCase(Locale.ROOT).equals(name)) {
                return field;
            }
        }
        return null;
    }

    private static String describe(List<Expected> expected) {
        List<String> parts = new ArrayList<>();
        expected.forEach(e -> parts.add(e.name() + ": " + e.spelled()));
        return String.join(", ", parts);
    }

    private static String describe(StructType schema) {
        if (schema.fields().length == 0) {
            return "no columns";
        }
        List<String> parts = new ArrayList<>();
        for (StructField field : schema.fields()) {
            parts.add(field.name() + ": " + field.dataType().simpleString());
        }
        return String.join(", ", parts);
    }
}
