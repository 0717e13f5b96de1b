package org.strata.technique.cleanup.internal;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.strata.core.ParameterSpec;
import org.strata.onnx.DataType;
import org.strata.onnx.Graph;
import org.strata.onnx.Tensor;
import org.strata.onnx.Value;

/**
 * Merges initializers with identical content (onnx_ir's {@code DeduplicateInitializersPass}): same element
 * type, same dimensions, same bytes. The first in file order is kept; every use of the others is rewired to
 * it and they are removed.
 *
 * <ul>
 * <li>Bytes, not values: {@code -0.0} and {@code 0.0}, or two NaN payloads, are different data and stay
 * apart.</li>
 * <li>Initializers that are graph inputs (overridable defaults) or graph outputs are part of the interface and
 * are never merged.</li>
 * <li>Candidates are grouped by a hash of their content first; equal hashes are confirmed byte for byte.</li>
 * </ul>
 */
record InitializerDeduplication() implements CleanupPass {
    private record Key(DataType type, List<Long> dims, int hash) {
    }

    @Override
    public ParameterSpec parameter() {
        return ParameterSpec.bool("deduplicate-initializers", true, "merge initializers of the same type, shape and bytes into one");
    }

    @Override
    public int run(GraphFacts facts) {
        Graph g = facts.graph();
        Map<Key, List<Value>> kept = new LinkedHashMap<>();
        int merged = 0;
        for (Value v : List.copyOf(g.initializers().values())) {
            if (v.isGraphInput() || v.isGraphOutput()) continue;
            Tensor t = v.initializer();
            Key key = new Key(t.type(), Arrays.stream(t.dims()).boxed().toList(), contentHash(t));
            List<Value> same = kept.computeIfAbsent(key, k -> new ArrayList<>());
            Value twin = same.stream().filter(k -> k.initializer().sameContent(t)).findFirst().orElse(null);
            if (twin == null) {
                same.add(v);
                continue;
            }
            g.replaceAllUsesWith(v, twin);
            g.removeInitializer(v);
            merged++;
        }
        return merged;
    }

    private static int contentHash(Tensor t) {
        if (t.type() == DataType.STRING) {
            int h = 1;
            for (byte[] s : t.strings()) h = 31 * h + Arrays.hashCode(s);
            return h;
        }
        ByteBuffer b = t.data();
        return b.hashCode();
    }

    @Override
    public String describe(int count) {
        return "merged " + count + " duplicate initializer" + (count == 1 ? "" : "s");
    }
}
