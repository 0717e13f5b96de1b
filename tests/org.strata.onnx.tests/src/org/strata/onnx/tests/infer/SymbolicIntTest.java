package org.strata.onnx.tests.infer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.strata.onnx.Dim;
import org.strata.onnx.infer.SymbolicInt;

/** The polynomial arithmetic that carries symbolic dimensions through shape subgraphs. */
class SymbolicIntTest {
    private static final SymbolicInt B = SymbolicInt.symbol("batch");
    private static final SymbolicInt S = SymbolicInt.symbol("seq");

    @Test
    void productsAndSumsPrintAndParseBack() {
        SymbolicInt heads = B.times(S).times(SymbolicInt.of(12));
        assertEquals("12*batch*seq", heads.toString());
        SymbolicInt kv = SymbolicInt.symbol("past").plus(S).plus(SymbolicInt.of(-1));
        assertEquals("past + seq - 1", kv.toString());
        assertEquals(heads, SymbolicInt.of(heads.toDim()));
        assertEquals(kv, SymbolicInt.of(kv.toDim()));
        assertEquals(Dim.of("past + seq - 1"), kv.toDim());
    }

    @Test
    void exactDivisionSolvesReshapeMinusOne() {
        SymbolicInt total = B.times(S).times(SymbolicInt.of(384));
        assertEquals(SymbolicInt.of(12), total.dividedBy(B.times(S).times(SymbolicInt.of(32))));
        assertEquals("384*seq", total.dividedBy(B).toString());
        assertEquals("2*batch + 3*seq", B.times(SymbolicInt.of(4)).plus(S.times(SymbolicInt.of(6))).dividedBy(SymbolicInt.of(2)).toString());
        assertTrue(total.dividedBy(SymbolicInt.of(7)).isUnknown(), "384 is not divisible by 7");
        assertTrue(B.dividedBy(S).isUnknown());
        assertEquals(SymbolicInt.of(3), B.plus(S).times(SymbolicInt.of(3)).dividedBy(B.plus(S)));
        assertEquals(SymbolicInt.of(-3), SymbolicInt.of(-7).dividedBy(SymbolicInt.of(2)), "integer Div truncates");
    }

    @Test
    void unknownAbsorbsEverythingAndDimsMapBack() {
        assertTrue(B.plus(SymbolicInt.UNKNOWN).isUnknown());
        assertTrue(SymbolicInt.UNKNOWN.times(SymbolicInt.of(0)).isUnknown());
        assertEquals(Dim.UNKNOWN, SymbolicInt.of(-1).toDim());
        assertEquals(Dim.of(0), B.minus(B).toDim());
        assertEquals(Dim.of(7), SymbolicInt.of(Dim.of(7)).toDim());
        assertEquals(SymbolicInt.of(4), SymbolicInt.of(9).min(SymbolicInt.of(4)));
        assertTrue(B.max(S).isUnknown());
        assertEquals(B, B.min(B));
    }
}
