package io.sigmalang.domain.primitive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The primitive table, against rows of the specification's primitives.tsv read by eye. */
class PrimitivesTest {

    @Test
    void rowsOfTheSpecification() {
        assertEquals(new Primitive(0x00, "ENTITY", PrimitiveTier.EXISTENTIAL, "existential"), Primitives.byId(0x00));
        assertEquals(new Primitive(0x0F, "ABSTRACT", PrimitiveTier.EXISTENTIAL, "existential"), Primitives.byId(0x0F));
        assertEquals(new Primitive(0x10, "FUNCTION", PrimitiveTier.DOMAIN, "code"), Primitives.byId(0x10));
        assertEquals(new Primitive(0x50, "CREATE", PrimitiveTier.DOMAIN, "action"), Primitives.byId(0x50));
        assertEquals(new Primitive(0x7F, "RECORD", PrimitiveTier.DOMAIN, "structure"), Primitives.byId(0x7F));
        // The range row 0x80-0xFF "LEARNED_<n> (n = id - 0x80)": the name counts from the range's first id.
        assertEquals(new Primitive(0x80, "LEARNED_0", PrimitiveTier.LEARNED, "learned"), Primitives.byId(0x80));
        assertEquals(new Primitive(0xFF, "LEARNED_127", PrimitiveTier.LEARNED, "learned"), Primitives.byId(0xFF));
    }

    @Test
    void all256InIdOrder() {
        assertEquals(256, Primitives.all().size());
        for (int id = 0; id < 256; id++) {
            assertEquals(id, Primitives.all().get(id).id());
        }
    }

    @Test
    void byNameIgnoresCaseAndFindsNothingForAnUnknownName() {
        assertEquals(Optional.of(Primitives.byId(0x50)), Primitives.byName("create"));
        assertEquals(Optional.of(Primitives.byId(0x81)), Primitives.byName("Learned_1"));
        assertTrue(Primitives.byName("NO_SUCH_PRIMITIVE").isEmpty());
    }

    @Test
    void idsOutOfRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Primitives.byId(-1));
        assertThrows(IllegalArgumentException.class, () -> Primitives.byId(256));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PrimitiveTier.of(256));
        assertEquals("primitive id 256 is out of range (expected 0..255)", e.getMessage());
    }

    @Test
    void tiersChangeExactlyAtTheirBoundaries() {
        assertEquals(PrimitiveTier.EXISTENTIAL, PrimitiveTier.of(0));
        assertEquals(PrimitiveTier.EXISTENTIAL, PrimitiveTier.of(0x0F));
        assertEquals(PrimitiveTier.DOMAIN, PrimitiveTier.of(0x10));
        assertEquals(PrimitiveTier.DOMAIN, PrimitiveTier.of(0x7F));
        assertEquals(PrimitiveTier.LEARNED, PrimitiveTier.of(0x80));
        assertEquals(PrimitiveTier.LEARNED, PrimitiveTier.of(0xFF));
        assertEquals(0x10, PrimitiveTier.DOMAIN.first());
        assertEquals(0x7F, PrimitiveTier.DOMAIN.last());
        assertEquals(0x00, PrimitiveTier.EXISTENTIAL.first());
        assertEquals(0xFF, PrimitiveTier.LEARNED.last());
    }
}
