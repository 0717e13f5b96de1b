package org.strata.onnx.structure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.strata.onnx.Node;
import org.strata.onnx.Tensor;
import org.strata.onnx.Value;

/**
 * Finds the attention of one block inside its attention branch (the nodes between the block input and the
 * residual Add). The core is a Softmax or one fused attention node. For a Softmax, the scores are followed
 * back through scaling, mask Adds and Wheres to the Q·Kᵀ MatMul, the probabilities forward to the MatMul
 * with V, and Q, K and V back through Reshape/Transpose, rotary embedding, GQA Expand and a Split/Slice/Gather
 * of a fused QKV to their projections. Head size comes from the query's head-splitting Reshape (or the
 * fused node's attributes); head counts from the projection widths.
 */
final class AttentionMatcher {
    /** Ops a query, key or value passes through unchanged on its way from its projection. */
    private static final Set<String> LAYOUT_OPS = Set.of("Reshape", "Transpose", "Squeeze", "Unsqueeze", "Flatten",
            "Identity", "Cast", "Expand", "Tile", "QuantizeLinear", "DequantizeLinear");
    /** Ops between the Q·Kᵀ product and the Softmax. */
    private static final Set<String> SCORE_OPS = Set.of("Div", "Mul", "Add", "Where", "Cast", "Identity", "Reshape",
            "QuantizeLinear", "DequantizeLinear");
    static final Set<String> FUSED_OPS = Set.of("com.microsoft::Attention", "com.microsoft::QAttention",
            "com.microsoft::MultiHeadAttention", "com.microsoft::GroupQueryAttention", "Attention");

    private final int number;
    private final Set<Node> branch;
    private final Node residual;
    /** Where keys and values may come from besides the branch (see {@link #withKeysAndValuesFrom}); empty otherwise. */
    private Set<Node> keyValueRegion = Set.of();
    private Value keyValueSource;

    /** What tracing one of Q, K, V back to its projection found. */
    private record Traced(Projection projection, QkvLayout layout, List<Node> splitNodes, long part,
            List<Node> reshapes, Rotary rotary) {
    }

    AttentionMatcher(int number, Set<Node> branch, Node residual) {
        this.number = number;
        this.branch = branch;
        this.residual = residual;
    }

    /**
     * Lets the keys and values come from {@code source} (or a norm of it) through {@code region} instead of from the
     * queries' input: the block right after a token reduction whose keys and values still read the sequence before
     * the reduction while its queries read the shorter one.
     */
    AttentionMatcher withKeysAndValuesFrom(Value source, Set<Node> region) {
        this.keyValueSource = source;
        this.keyValueRegion = region;
        return this;
    }

    static boolean isFusedAttention(Node n) {
        return FUSED_OPS.contains(GraphPattern.Op.qualifiedType(n));
    }

    /** True for a fused attention node, or a Softmax over the product of two run-time values (attention scores). */
    static boolean isAttentionCore(Node n) {
        if (isFusedAttention(n)) return true;
        if (!n.is("Softmax")) return false;
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
        Set<Node> seen = new HashSet<>();
        if (n.input(0) != null && n.input(0).producer() != null) todo.push(n.input(0).producer());
        while (!todo.isEmpty() && seen.size() < 32) {
            Node p = todo.pop();
            if (!seen.add(p)) continue;
            if (p.is("MatMul")) {
                if (isRuntime(p.input(0)) && isRuntime(p.input(1))) return true;
            } else if (p.domain().isEmpty() && SCORE_OPS.contains(p.opType())) {
                for (Value in : p.inputs()) if (isRuntime(in) && in.producer() != null) todo.push(in.producer());
            }
        }
        return false;
    }

    private StructureException fail(String message) {
        return new StructureException("block " + number + ": " + message);
    }

    /** The attention in the branch whose output {@code branchOut} the residual adds to the stream. */
    Attention match(Value branchOut, Value blockInput) {
        List<Node> cores = new ArrayList<>();
        for (Node n : branch) if (n.is("Softmax") || isFusedAttention(n)) cores.add(n);
        if (cores.isEmpty()) throw missingCore(number, branch, blockInput, residual);
        if (cores.size() > 1) {
            cores.sort(java.util.Comparator.comparing(Node::describe));
            throw fail("expected one attention between the block input '" + blockInput.name() + "' and its residual "
                    + residual.describe() + ", but found " + cores.size() + ": " + cores);
        }
        Node core = cores.get(0);
        Projection o = ProjectionPatterns.endingAt(branchOut);
        if (o == null) {
            throw fail("expected the attention branch to end in the output projection added by " + residual.describe()
                    + ", but " + ((PatternMatch.Missed) ProjectionPatterns.match(branchOut)).reason());
        }
        Attention a = core.is("Softmax") ? softmaxAttention(core, o) : fusedAttention(core, o);
        Value context = reachBackThroughLayout(o.input());
        Value coreOut = core.is("Softmax") ? null : core.output(0);
        if (coreOut != null ? context != coreOut : !isContextOf(context, core)) {
            throw fail("expected the output projection " + o.node().describe() + " to read the attention context "
                    + "(the product of the Softmax with V, or the fused attention's output) through Reshape/Transpose, "
                    + "but it reads " + PatternMatcher.source(context));
        }
        return a;
    }

    private static boolean isContextOf(Value context, Node softmax) {
        Node p = context.producer();
        if (p == null || !p.is("MatMul")) return false;
        Value probs = p.input(0);
        while (probs != null && probs.producer() != null && probs.producer() != softmax
                && LookThrough.isPassThrough(probs.producer())) {
            probs = probs.producer().input(0);
        }
        return probs != null && probs.producer() == softmax;
    }

    private static Value reachBackThroughLayout(Value v) {
        while (v.producer() != null && (v.producer().is("Reshape") || v.producer().is("Transpose")
                || v.producer().is("Flatten") || LookThrough.isPassThrough(v.producer()))) {
            v = v.producer().input(0);
        }
        return v;
    }

    // ---- Softmax attention ----------------------------------------------------------------------------

    private Attention softmaxAttention(Node softmax, Projection o) {
        List<Value> masks = new ArrayList<>();
        Node product = scoresProduct(softmax, masks);
        Node context = contextProduct(softmax);
        Traced q = trace("the query", product.input(0));
        Traced k = trace("the key", product.input(1));
        Traced v = trace("the value", context.input(1));
        return assemble(softmax, o, q, k, v, masks, -1, -1, false);
    }

    /** Follows the Softmax input back to the Q·Kᵀ MatMul, collecting mask operands on the way. */
    private Node scoresProduct(Node softmax, List<Value> masks) {
        Value v = softmax.input(0);
        for (int step = 0; step < 16; step++) {
            Node p = v.producer();
            if (p == null || !branch.contains(p)) break;
            if (p.is("MatMul") && isRuntime(p.input(0)) && isRuntime(p.input(1))) return p;
            if (!SCORE_OPS.contains(p.opType()) || !p.domain().isEmpty()) break;
            Value next = switch (p.opType()) {
                case "Add", "Div", "Mul" -> scoreOperand(p, 0, 1);
                case "Where" -> scoreOperand(p, 1, 2);
                default -> p.input(0);
            };
            if (next == null) break;
            if (p.is("Add") || p.is("Where")) {
                for (Value in : p.inputs()) if (in != null && in != next && !masks.contains(in)) masks.add(in);
            }
            v = next;
        }
        throw fail("expected the input of the attention Softmax " + softmax.describe() + " to come from the Q·Kᵀ MatMul "
                + "(through scaling, a mask Add or a Where), but found " + PatternMatcher.source(v));
    }

    /** Of inputs {@code i} and {@code j}, the one computed from the Q·Kᵀ product. */
    private Value scoreOperand(Node p, int i, int j) {
        boolean a = dependsOnProduct(p.input(i));
        boolean b = dependsOnProduct(p.input(j));
        if (a) return p.input(i);
        if (b) return p.input(j);
        return null;
    }

    private boolean dependsOnProduct(Value v) {
        if (v == null) return false;
        Set<Node> seen = new HashSet<>();
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
        if (v.producer() != null) todo.push(v.producer());
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (!branch.contains(n) || !seen.add(n)) continue;
            if (n.is("Shape")) continue;
            if (n.is("MatMul") && isRuntime(n.input(0)) && isRuntime(n.input(1))) return true;
            for (Value in : n.inputs()) if (in != null && in.producer() != null) todo.push(in.producer());
        }
        return false;
    }

    private Node contextProduct(Node softmax) {
        Value probs = softmax.output(0);
        for (int step = 0; step < 6; step++) {
            for (Node c : probs.consumers()) {
                if (c.is("MatMul") && c.input(0) == probs && isRuntime(c.input(1))) return c;
            }
            List<Node> users = probs.consumers();
            if (users.size() == 1 && (LookThrough.isPassThrough(users.get(0)) || users.get(0).is("Dropout"))) {
                probs = users.get(0).output(0);
            } else {
                break;
            }
        }
        List<Node> users = probs.consumers();
        throw fail("expected the attention Softmax " + softmax.describe() + " to feed a MatMul with V, but "
                + (users.isEmpty() ? "nothing uses it" : users.stream().map(Node::describe).toList() + " use"
                        + (users.size() == 1 ? "s" : "") + " it"));
    }

    /**
     * Explains a region of block {@code number} without Softmax or fused attention: where the scores of its
     * Q·Kᵀ product go instead, or, without such a product, which ops it has ({@code residual} may be null then
     * only if the region has a product).
     */
    static StructureException missingCore(int number, Set<Node> region, Value blockInput, Node residual) {
        Node product = null;
        for (Node n : region) {
            if (n.is("MatMul") && isRuntime(n.input(0)) && isRuntime(n.input(1))
                    && (product == null || Reach.ancestors(product.output(0)).contains(n))) {
                product = n; // the earliest activation × activation product: Q·Kᵀ
            }
        }
        if (product == null) {
            java.util.Map<String, Integer> ops = new java.util.TreeMap<>();
            for (Node n : region) ops.merge(GraphPattern.Op.qualifiedType(n), 1, Integer::sum);
            return new StructureException("block " + number + ": expected an attention (a Softmax over a Q·Kᵀ MatMul, "
                    + "or a fused attention node) between the block input '" + blockInput.name() + "' and its residual " + (residual == null ? "Add" : residual.describe())
                    + ", but that branch has none; its ops are " + ops);
        }
        Value v = product.output(0);
        Node reached = null;
        for (int step = 0; step < 16 && reached == null; step++) {
            Node next = null;
            for (Node c : v.consumers()) if (region.contains(c)) next = next == null ? c : next;
            if (next == null) break;
            if (next.domain().isEmpty() && SCORE_OPS.contains(next.opType())) v = next.output(0);
            else reached = next;
        }
        return new StructureException("block " + number + ": expected the attention scores of the Q·Kᵀ MatMul "
                + product.describe()
                + " to go through a Softmax before the MatMul with V, but they reach "
                + (reached == null ? "the end of the branch" : reached.describe()) + " without one");
    }

    // ---- fused attention ------------------------------------------------------------------------------

    private Attention fusedAttention(Node core, Projection o) {
        String op = GraphPattern.Op.qualifiedType(core);
        int heads = (int) core.attrInt("num_heads", core.attrInt("q_num_heads", -1));
        switch (op) {
            case "com.microsoft::Attention", "com.microsoft::QAttention" -> {
                // QAttention reads its input quantized (by a DynamicQuantizeLinear) and an int8 packed weight
                boolean quantized = op.endsWith("QAttention");
                Value x = core.input(0);
                List<Node> projectionNodes = List.of(core);
                Node quantizer = quantized && x != null ? x.producer() : null;
                if (quantizer != null && (quantizer.is("DynamicQuantizeLinear") || quantizer.is("QuantizeLinear"))) {
                    x = quantizer.input(0);
                    projectionNodes = List.of(quantizer, core);
                }
                Value w = core.input(1);
                Tensor t = Constants.tensor(w);
                if (t == null || t.rank() != 2) {
                    throw fail("expected the packed QKV weight of " + core.describe() + " to be a 2-D constant, but it is "
                            + PatternMatcher.source(w));
                }
                long[] d = t.dims();
                long[] sizes = core.attrInts("qkv_hidden_sizes");
                if (sizes == null) sizes = new long[] {d[1] / 3, d[1] / 3, d[1] / 3};
                Projection qkv = new Projection(core, projectionNodes, x, null, w, core.input(2), d[0], d[1],
                        false, quantized ? Quantization.DYNAMIC_INT8 : Quantization.NONE);
                Traced packed = new Traced(qkv, QkvLayout.FUSED_NODE, List.of(), sizes[0], List.of(), null);
                Traced kPart = new Traced(qkv, QkvLayout.FUSED_NODE, List.of(), sizes[1], List.of(), null);
                List<Value> masks = new ArrayList<>();
                // Attention: mask_index 3, attention_bias 5; QAttention: mask_index 5
                for (int i : quantized ? new int[] {5} : new int[] {3, 5}) if (core.input(i) != null) masks.add(core.input(i));
                return assemble(core, o, packed, kPart, packed, masks, heads, -1, core.attrInt("unidirectional", 0) == 1);
            }
            case "com.microsoft::MultiHeadAttention", "com.microsoft::GroupQueryAttention", "Attention" -> {
                boolean gqa = op.endsWith("GroupQueryAttention");
                int kvHeads = (int) core.attrInt("kv_num_heads", -1);
                List<Value> masks = new ArrayList<>();
                int[] maskInputs = gqa ? new int[] {5} : op.equals("Attention") ? new int[] {3} : new int[] {4, 5};
                for (int i : maskInputs) if (core.input(i) != null) masks.add(core.input(i));
                boolean causal = gqa || core.attrInt("unidirectional", 0) == 1 || core.attrInt("is_causal", 0) == 1;
                Traced q = trace("the query", core.input(0));
                if (core.input(1) == null) {
                    // packed QKV in the query input
                    Projection p = q.projection;
                    int kvh = kvHeads > 0 ? kvHeads : heads;
                    long d = p.outFeatures() / (heads + 2L * kvh);
                    Traced qPart = new Traced(p, QkvLayout.FUSED_NODE, List.of(), d * heads, q.reshapes, q.rotary);
                    Traced kPart = new Traced(p, QkvLayout.FUSED_NODE, List.of(), d * kvh, List.of(), null);
                    return withFusedRotary(core, assemble(core, o, qPart, kPart, qPart, masks, heads, kvHeads, causal));
                }
                Traced k = trace("the key", core.input(1));
                Traced v = trace("the value", core.input(2));
                return withFusedRotary(core, assemble(core, o, q, k, v, masks, heads, kvHeads, causal));
            }
            default -> throw fail("does not know the fused attention " + core.describe());
        }
    }

    private static Attention withFusedRotary(Node core, Attention a) {
        if (core.attrInt("do_rotary", 0) != 1) return a;
        Rotary r = new Rotary(true, core.input(7), core.input(8), List.of(core));
        return new Attention(a.core(), a.input(), a.q(), a.k(), a.v(), a.qkv(), a.layout(), a.splitNodes(), a.o(),
                a.heads(), a.kvHeads(), a.headSize(), r, a.masks(), a.causal(), a.nodes());
    }

    // ---- tracing Q, K, V ------------------------------------------------------------------------------

    /** Follows {@code v} back to the projection it comes from. */
    private Traced trace(String role, Value v) {
        List<Node> reshapes = new ArrayList<>();
        List<Node> splits = new ArrayList<>();
        List<Node> rotaryNodes = new ArrayList<>();
        Value cos = null;
        Value sin = null;
        boolean rotaryFused = false;
        QkvLayout layout = QkvLayout.SEPARATE;
        long part = -1;
        Node split = null;
        int splitOutput = -1;
        for (int step = 0; step < 64; step++) {
            Projection p = ProjectionPatterns.endingAt(v);
            if (p != null) {
                if (split != null) part = partSize(split, splitOutput, p.outFeatures());
                else part = p.outFeatures();
                Rotary r = rotaryNodes.isEmpty() ? null : new Rotary(rotaryFused, cos, sin, rotaryNodes);
                return new Traced(p, layout, splits, part, reshapes, r);
            }
            Node n = v.producer();
            boolean keyOrValue = !role.equals("the query");
            if (n == null || !branch.contains(n) && !(keyOrValue && keyValueRegion.contains(n))) {
                throw fail("expected " + role + " to come from a projection of the attention input, but reached "
                        + PatternMatcher.source(v) + (n == null ? "" : ", which is outside the block's attention"));
            }
            PatternMatch rot = RotaryPatterns.DECOMPOSED.match(v, Map.of(), RotaryPatterns.THROUGH);
            if (!rot.found()) rot = RotaryPatterns.FUSED.match(v);
            if (rot instanceof PatternMatch.Found f) {
                rotaryNodes.addAll(f.matched());
                cos = f.value("cos");
                sin = f.value("sin");
                rotaryFused = f.has("rotary");
                v = f.value("x");
                continue;
            }
            String op = n.domain().isEmpty() ? n.opType() : "";
            if (LAYOUT_OPS.contains(op)) {
                if (op.equals("Reshape")) reshapes.add(n);
                v = n.input(0);
            } else if (op.equals("Mul") || op.equals("Div")) {
                v = runtimeOperandIn(n, role, keyOrValue);
            } else if (op.equals("Concat")) {
                v = runtimeOperandIn(n, role, keyOrValue); // KV cache: Concat(past, new)
            } else if (op.equals("Split") || op.equals("Slice") || op.equals("Gather")) {
                layout = switch (op) {
                    case "Split" -> QkvLayout.SPLIT;
                    case "Slice" -> QkvLayout.SLICE;
                    default -> QkvLayout.GATHER;
                };
                splits.add(n);
                if (split == null) {
                    split = n;
                    splitOutput = v.producerIndex();
                }
                v = n.input(0);
            } else {
                throw fail("expected " + role + " to come from a projection through Reshape/Transpose (or a Split, Slice or "
                        + "Gather of a fused QKV projection), but found " + n.describe() + "; "
                        + ((PatternMatch.Missed) ProjectionPatterns.match(v)).reason());
            }
        }
        throw fail("gave up following " + role + " back to its projection at " + PatternMatcher.source(v));
    }

    /**
     * The single operand of {@code n} carrying data computed inside the attention branch (a scale computed
     * from a Shape is not data).
     */
    private Value runtimeOperandIn(Node n, String role, boolean keyOrValue) {
        Value found = null;
        for (Value in : n.inputs()) {
            boolean computed = Reach.producedIn(in, branch) || keyOrValue && Reach.producedIn(in, keyValueRegion);
            if (in != null && computed && !shapeDerived(in)) {
                if (found != null) {
                    throw fail("expected " + role + " to pass " + n.describe() + " with one operand, but both '" + found.name()
                            + "' and '" + in.name() + "' are computed in the attention");
                }
                found = in;
            }
        }
        if (found == null) throw fail("expected " + role + " to pass " + n.describe() + ", but none of its inputs is computed in the attention");
        return found;
    }

    /** True when {@code v} is computed in the branch from tensor shapes only (a run-time scale, a sequence length). */
    private boolean shapeDerived(Value v) {
        boolean sawShape = false;
        Set<Node> seen = new HashSet<>();
        java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>();
        todo.push(v.producer());
        while (!todo.isEmpty()) {
            Node n = todo.pop();
            if (!branch.contains(n) && !keyValueRegion.contains(n) || !seen.add(n)) continue;
            if (n.is("Shape")) {
                sawShape = true;
                continue;
            }
            if (n.is("Softmax") || ProjectionPatterns.isCore(n)) return false;
            for (Value in : n.inputs()) if (in != null && in.producer() != null) todo.push(in.producer());
        }
        return sawShape;
    }

    /** Width of output {@code index} of a Split, Slice or Gather dividing {@code total} features. */
    private static long partSize(Node split, int index, long total) {
        if (split.is("Split")) {
            long[] sizes = split.attrInts("split");
            if (sizes == null) sizes = Constants.longs(split.input(1));
            if (sizes != null && index < sizes.length) return sizes[index];
            return total / split.outputs().size();
        }
        if (split.is("Slice")) {
            long[] starts = split.attrInts("starts") != null ? split.attrInts("starts") : Constants.longs(split.input(1));
            long[] ends = split.attrInts("ends") != null ? split.attrInts("ends") : Constants.longs(split.input(2));
            if (starts != null && ends != null && starts.length == 1 && ends.length == 1) {
                long s = starts[0] < 0 ? total + starts[0] : Math.min(starts[0], total);
                long e = ends[0] < 0 ? total + ends[0] : Math.min(ends[0], total);
                return e - s;
            }
            return total / 3;
        }
        return total / 3; // Gather of [.., 3, heads, head size]
    }

    // ---- assembling -----------------------------------------------------------------------------------

    private Attention assemble(Node core, Projection o, Traced q, Traced k, Traced v, List<Value> masks, int headsAttr,
            int kvHeadsAttr, boolean causalAttr) {
        boolean fusedQkv = q.layout != QkvLayout.SEPARATE;
        if (fusedQkv && (k.projection.node() != q.projection.node() || v.projection.node() != q.projection.node())) {
            throw fail("expected the query, key and value to come from the same fused QKV projection "
                    + q.projection.node().describe() + ", but the key comes from " + k.projection.node().describe()
                    + " and the value from " + v.projection.node().describe());
        }
        if (!fusedQkv && k.layout != QkvLayout.SEPARATE) {
            throw fail("expected the key to come from its own projection like the query, but it comes through "
                    + k.splitNodes.get(0).describe());
        }
        Value input = q.projection.input();
        for (Traced t : List.of(k, v)) {
            if (!LookThrough.same(t.projection.input(), input) && !fromKeyValueSource(t.projection.input())) {
                throw fail("expected Q, K and V to project the same input, but the query projection "
                        + q.projection.node().describe() + " reads '" + input.name() + "' and " + t.projection.node().describe()
                        + " reads '" + t.projection.input().name() + "'");
            }
        }
        int heads;
        long headSize;
        if (headsAttr > 0) {
            heads = headsAttr;
            headSize = q.part / heads;
        } else {
            long[] hd = headDims(q);
            heads = (int) hd[0];
            headSize = hd[1];
        }
        if (headSize <= 0 || heads * headSize != q.part) {
            throw fail("expected the query width " + q.part + " to be heads × head size, but found " + heads + " heads");
        }
        int kvHeads = kvHeadsAttr > 0 ? kvHeadsAttr : (int) (k.part / headSize);
        if (kvHeads <= 0 || kvHeads * headSize != k.part || heads % kvHeads != 0) {
            throw fail("expected the key width " + k.part + " to be a whole number of " + headSize
                    + "-wide heads dividing the " + heads + " query heads");
        }
        Rotary rotary = q.rotary;
        if (rotary != null && k.rotary != null) {
            List<Node> both = new ArrayList<>(rotary.nodes());
            for (Node n : k.rotary.nodes()) if (!both.contains(n)) both.add(n);
            rotary = new Rotary(rotary.fused(), rotary.cos(), rotary.sin(), both);
        } else if (rotary == null) {
            rotary = k.rotary;
        }
        boolean causal = causalAttr || CausalMasks.isCausal(masks);
        List<Node> splitNodes = new ArrayList<>();
        for (Traced t : List.of(q, k, v)) for (Node n : t.splitNodes) if (!splitNodes.contains(n)) splitNodes.add(n);
        Projection qkv = fusedQkv ? q.projection : null;
        return new Attention(core, input, fusedQkv ? null : q.projection, fusedQkv ? null : k.projection,
                fusedQkv ? null : v.projection, qkv, q.layout, splitNodes, o, heads, kvHeads, (int) headSize, rotary,
                masks, causal, List.of());
    }

    /** True when {@code x} is the allowed key/value source or a norm of it. */
    private boolean fromKeyValueSource(Value x) {
        if (keyValueSource == null) return false;
        return LookThrough.same(x, keyValueSource) || NormPatterns.endingAt(x, keyValueSource).found();
    }

    /** (heads, head size) from the query's head-splitting Reshape nearest its projection. */
    private long[] headDims(Traced q) {
        if (q.reshapes.isEmpty()) return new long[] {1, q.part};
        for (int i = q.reshapes.size() - 1; i >= 0; i--) {
            long[] shape = Constants.shapeVector(q.reshapes.get(i).input(1));
            if (shape == null || shape.length < 2) continue;
            long h = shape[shape.length - 2];
            long d = shape[shape.length - 1];
            boolean hKnown = h > 0;
            boolean dKnown = d > 0;
            if (hKnown && dKnown && h * d == q.part) return new long[] {h, d};
            if (hKnown && !dKnown && q.part % h == 0) return new long[] {h, q.part / h};
            if (dKnown && !hKnown && q.part % d == 0) return new long[] {q.part / d, d};
        }
        Node r = q.reshapes.get(q.reshapes.size() - 1);
        long[] shape = Constants.shapeVector(r.input(1));
        throw fail("cannot tell the number of heads: the query Reshape " + r.describe() + " has target shape "
                + (shape == null ? "computed at run time" : describeShape(shape)) + ", which does not split the "
                + q.part + " query features into heads × head size");
    }

    private static String describeShape(long[] s) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < s.length; i++) b.append(i == 0 ? "" : ", ").append(s[i] == Constants.UNKNOWN ? "?" : Long.toString(s[i]));
        return b.append(']').toString();
    }

    private static boolean isRuntime(Value v) {
        return v != null && !Constants.isConstant(v);
    }
}
