package org.strata.onnx.infer;

import org.strata.onnx.DataType;
import org.strata.onnx.Dim;
import org.strata.onnx.Shape;

/**
 * Fused attention (com.microsoft), following ONNX Runtime's contrib op definitions.
 * <ul>
 * <li>Attention (input {@code [b, s, in]}, weights {@code [in, q+k+v]}): output {@code [b, s, v]}, {@code v}
 * from {@code qkv_hidden_sizes} or a third of the bias/weight width; present {@code [2, b, heads, past + s,
 * head]} ({@code past} from the past input, 0 without one; the past's shape with
 * {@code past_present_share_buffer}). QAttention: the same, in the bias's type.</li>
 * <li>MultiHeadAttention: query {@code [b, s, D]} (or packed QKV {@code [b, s, N, 3, H]}); output
 * {@code [b, s, v_hidden]} from the value's layout; present key/value {@code [b, N, past + kv, H]}.</li>
 * <li>GroupQueryAttention: output {@code [b, s, N·H]} (query width, or for packed QKV
 * {@code D / (N + 2·kvN) · N}); present key/value as the past ones when given, else
 * {@code [b, kvN, total_sequence_length, H]}.</li>
 * <li>RotaryEmbedding (com.microsoft and opset 23): the input's type and shape.</li>
 * </ul>
 */
final class AttentionRules {
    private AttentionRules() {
    }

    static void register(RuleTable t) {
        t.microsoft(op -> attention(op, op.elementType(0), 4), "Attention");
        t.microsoft(op -> attention(op, op.elementType(2) != null ? op.elementType(2) : op.elementType(3), 8), "QAttention");
        t.microsoft(AttentionRules::multiHeadAttention, "MultiHeadAttention");
        t.microsoft(AttentionRules::groupQueryAttention, "GroupQueryAttention");
        t.microsoft(ElementwiseRules::sameAsFirst, "RotaryEmbedding");
        t.onnx(ElementwiseRules::sameAsFirst, "RotaryEmbedding");
    }

    private static long heads(OpContext op, String attribute) {
        long n = op.attrInt(attribute, 0);
        if (n <= 0) throw op.error("needs a positive '" + attribute + "' attribute");
        return n;
    }

    private static Dim dividedBy(Dim d, long n) {
        return SymbolicInt.of(d).dividedBy(SymbolicInt.of(n)).toDim();
    }

    private static void attention(OpContext op, DataType type, int pastInput) {
        long heads = heads(op, "num_heads");
        Shape in = op.shape(0);
        Shape w = op.shape(1);
        Shape bias = op.shape(2);
        long[] qkv = op.attrInts("qkv_hidden_sizes");
        if (qkv != null && qkv.length != 3) throw op.error("qkv_hidden_sizes must list 3 sizes");
        if (in != null && in.rank() != 3) throw op.error("input " + in + " is not [batch, sequence, hidden]");
        if (in != null && w != null && in.dim(2) instanceof Dim.Fixed a && w.dim(0) instanceof Dim.Fixed b && a.size() != b.size()) {
            throw op.error("input width " + a.size() + " does not match weights " + w);
        }
        Dim all = bias != null && bias.rank() == 1 ? bias.dim(0) : w != null && w.rank() == 2 ? w.dim(1) : Dim.UNKNOWN;
        if (qkv == null && all instanceof Dim.Fixed f && f.size() % 3 != 0) {
            throw op.error("weights of width " + f.size() + " cannot hold Q, K and V of equal size");
        }
        Dim vHidden = qkv != null ? Dim.of(qkv[2]) : dividedBy(all, 3);
        Dim qHidden = qkv != null ? Dim.of(qkv[0]) : vHidden;
        if (in == null) {
            op.output(0, type, null);
            return;
        }
        op.output(0, type, Shape.of(in.dim(0), in.dim(1), vHidden));
        Shape past = op.shape(pastInput);
        if (past != null && op.attrInt("past_present_share_buffer", 0) != 0) {
            op.output(1, type, past); // present is the past buffer, updated in place
            return;
        }
        Dim pastLength = op.hasInput(pastInput) ? (past != null && past.rank() == 5 ? past.dim(3) : Dim.UNKNOWN) : Dim.of(0);
        Dim total = SymbolicInt.of(pastLength).plus(SymbolicInt.of(in.dim(1))).toDim();
        op.output(1, type, Shape.of(Dim.of(2), in.dim(0), Dim.of(heads), total, dividedBy(qHidden, heads)));
    }

    private static void multiHeadAttention(OpContext op) {
        long heads = heads(op, "num_heads");
        DataType type = op.elementType(0);
        Shape q = op.shape(0);
        Shape k = op.shape(1);
        Shape v = op.shape(2);
        if (q == null || (q.rank() != 3 && q.rank() != 5)) {
            if (q != null) throw op.error("query " + q + " is neither [batch, sequence, hidden] nor packed [batch, sequence, heads, 3, head]");
            op.output(0, type, null);
            return;
        }
        Dim vHidden;
        Dim headSize;
        Dim kvLength;
        if (q.rank() == 5) {
            vHidden = OpContext.product(java.util.List.of(q.dim(2), q.dim(4)));
            headSize = q.dim(4);
            kvLength = q.dim(1);
        } else {
            headSize = dividedBy(q.dim(2), heads);
            vHidden = q.dim(2);
            kvLength = Dim.UNKNOWN;
            if (k != null && k.rank() == 5) { // packed KV [b, kv, N, 2, H]
                kvLength = k.dim(1);
                vHidden = OpContext.product(java.util.List.of(k.dim(2), k.dim(4)));
            } else if (k != null) {
                kvLength = k.rank() == 4 ? k.dim(2) : k.dim(1);
            }
            if (v != null && v.rank() == 3) vHidden = v.dim(2);
            else if (v != null && v.rank() == 4) vHidden = OpContext.product(java.util.List.of(v.dim(1), v.dim(3)));
        }
        op.output(0, type, Shape.of(q.dim(0), q.dim(1), vHidden));
        Shape past = op.shape(6);
        Dim pastLength = op.hasInput(6) ? (past != null && past.rank() == 4 ? past.dim(2) : Dim.UNKNOWN) : Dim.of(0);
        Dim total = SymbolicInt.of(pastLength).plus(SymbolicInt.of(kvLength)).toDim();
        Shape present = Shape.of(q.dim(0), Dim.of(heads), total, headSize);
        op.output(1, type, present);
        op.output(2, type, present);
    }

    private static void groupQueryAttention(OpContext op) {
        long heads = heads(op, "num_heads");
        long kvHeads = heads(op, "kv_num_heads");
        if (heads % kvHeads != 0) throw op.error("num_heads " + heads + " is not a multiple of kv_num_heads " + kvHeads);
        DataType type = op.elementType(0);
        Shape q = op.shape(0);
        Shape k = op.shape(1);
        boolean packed = !op.hasInput(1) && !op.hasInput(2);
        if (q != null && q.rank() != 3) throw op.error("query " + q + " is not [batch, sequence, hidden]");
        Dim headSize = Dim.UNKNOWN;
        if (q != null) {
            headSize = packed ? dividedBy(q.dim(2), heads + 2 * kvHeads) : k != null && k.rank() == 3 ? dividedBy(k.dim(2), kvHeads) : Dim.UNKNOWN;
            Dim hidden = packed ? SymbolicInt.of(headSize).times(SymbolicInt.of(heads)).toDim() : q.dim(2);
            op.output(0, type, Shape.of(q.dim(0), q.dim(1), hidden));
        }
        Shape past = op.shape(3);
        Shape present;
        if (past != null) {
            present = past;
        } else if (q != null && !op.hasInput(3)) {
            SymbolicTensor total = op.data(6);
            present = Shape.of(q.dim(0), Dim.of(kvHeads), total != null && total.size() == 1 ? total.get(0).toDim() : Dim.UNKNOWN, headSize);
        } else {
            present = null;
        }
        op.output(1, type, present);
        op.output(2, type, present);
    }
}
