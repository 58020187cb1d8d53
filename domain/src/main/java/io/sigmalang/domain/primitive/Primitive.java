package io.sigmalang.domain.primitive;

/**
 * One of the 256 primitive ids, with its name and group from the specification's table.
 *
 * @param id    0..255
 * @param name  such as {@code ACTION} or {@code FUNCTION}
 * @param tier  from the id's range
 * @param group the table's group, such as {@code code}
 */
public record Primitive(int id, String name, PrimitiveTier tier, String group) {
}
