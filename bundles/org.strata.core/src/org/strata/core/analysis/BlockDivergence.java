package org.strata.core.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.strata.core.AnalysisTable;
import org.strata.core.ModelRunner;
import org.strata.onnx.Model;
import org.strata.onnx.StrataException;
import org.strata.onnx.Value;
import org.strata.onnx.structure.Block;
import org.strata.onnx.structure.TransformerStructure;
import org.strata.runtime.ActivationCapture.CapturedTensor;

/**
 * Where a candidate's error enters: the original (reference) and a candidate run on the same inputs, and the
 * output of every block of one is compared with that of the same block of the other, token by token. A
 * quantized or pruned model whose cosine stays near 1 up to block 4 and falls after it lost its accuracy in
 * block 5.
 *
 * <p>Points compared, in order: the embeddings (the input of block 1), the output of each block (blocks of
 * each graph discovered by {@link TransformerStructure}, matched by number, so the two graphs may use any
 * names and any forms: fp32 against the upstream int8 MiniLM works), then any named values asked for that
 * exist in both graphs. Per point: the mean over real tokens (padding excluded) of the cosine between the
 * reference's and the candidate's vector at that token, the worst token, and the relative error
 * ‖candidate − reference‖ / ‖reference‖ over the real tokens. A value that is not one vector per token (an
 * attention matrix, a pooled output) is compared per vector of its last axis, all of them.
 *
 * <pre>{@code
 * List<BlockDivergence.Point> points = BlockDivergence.points(fp32, int8, List.of());
 * BlockDivergence.Result r = BlockDivergence.measure(runner, fp32, int8, points, 16);
 * AnalysisTable table = r.table();   // id "block-divergence", kind LINES, one column per point
 * }</pre>
 *
 * Memory: the reference's captured values are kept until the candidate's are compared with them; points are
 * captured in groups so that this stays under {@link #MEMORY_BUDGET} bytes (more groups cost more runs).
 */
public final class BlockDivergence {
    /** The id of the analysis table. */
    public static final String ID = "block-divergence";
    /** Texts the engine compares on (from the calibration split). */
    public static final int DEFAULT_TEXTS = 16;
    /** Bytes of reference values kept at once. */
    static final long MEMORY_BUDGET = 256L << 20;
    /** Label of the first point. */
    public static final String EMBEDDINGS = "embeddings";

    private BlockDivergence() {
    }

    /** The two graphs cannot be compared block by block (different block counts, a value missing). */
    public static final class MismatchException extends StrataException {
        private static final long serialVersionUID = 1L;

        public MismatchException(String message) {
            super(message);
        }
    }

    /**
     * A value compared in both models.
     *
     * @param label     what a user sees: {@code embeddings}, the block number ({@code 3}), or the value's name
     * @param reference the value's name in the reference
     * @param candidate the value's name in the candidate
     */
    public record Point(String label, String reference, String candidate) {
    }

    /**
     * The divergence at one point.
     *
     * @param meanCosine    mean over real tokens of the per-token cosine; NaN when the shapes differ
     * @param minCosine     the worst token
     * @param relativeError ‖candidate − reference‖ / ‖reference‖ over the real tokens
     * @param vectors       how many token vectors were compared
     * @param problem       why nothing was compared (shapes differ), or null
     */
    public record Row(Point point, double meanCosine, double minCosine, double relativeError, long vectors, String problem) {
    }

    /**
     * @param rows      one per point, in order
     * @param sequences how many sequences both models ran on
     * @param text      whether they were real texts (else seeded random tokens)
     */
    public record Result(List<Row> rows, int sequences, boolean text) {
        public Result {
            rows = List.copyOf(rows);
        }

        /** The row of the point labelled {@code label}. */
        public Row row(String label) {
            for (Row r : rows) if (r.point().label().equals(label)) return r;
            throw new IllegalArgumentException("no point " + label + " in " + rows.stream().map(r -> r.point().label()).toList());
        }

        /**
         * The table for the run record and the report: kind LINES, rows {@code mean cosine}, {@code min cosine}
         * and {@code relative error}, one column per point (the embeddings, then blocks numbered from 1).
         */
        public AnalysisTable table() {
            List<String> columns = new ArrayList<>();
            double[][] v = new double[3][rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                Row r = rows.get(i);
                columns.add(r.point().label());
                v[0][i] = r.meanCosine();
                v[1][i] = r.minCosine();
                v[2][i] = r.relativeError();
            }
            String data = sequences + (text ? " calibration texts" : " sequences of random tokens");
            return new AnalysisTable(ID, "Per-block divergence from the source model", AnalysisTable.Kind.LINES,
                    List.of("mean cosine", "min cosine", "relative error"), columns, v, "",
                    "Each block's output compared with the same block of the source model, token by token (real tokens only) on "
                            + data + ": cosine per token (mean and worst) and relative error. Where the cosine first drops is where "
                            + "the error enters.");
        }

        /** A fixed-width table for a terminal. */
        public String format() {
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-24s %12s %12s %14s %9s%n", "point", "mean cosine",
                    "min cosine", "rel. error", "tokens"));
            for (Row r : rows) {
                String label = r.point().label();
                if (!label.equals(EMBEDDINGS) && isNumber(label)) label = "block " + label;
                if (r.problem() != null) {
                    b.append(String.format(Locale.ROOT, "%-24s %s%n", label, r.problem()));
                } else {
                    b.append(String.format(Locale.ROOT, "%-24s %12.6f %12.6f %14.4g %9d%n", label, r.meanCosine(), r.minCosine(),
                            r.relativeError(), r.vectors()));
                }
            }
            return b.toString();
        }

        private static boolean isNumber(String s) {
            return !s.isEmpty() && s.chars().allMatch(Character::isDigit);
        }
    }

    /**
     * The points to compare: the embeddings, every block's output, then each of {@code sharedValues} (names
     * that must exist in both graphs).
     *
     * @throws MismatchException when the block counts differ or a named value is missing from one graph
     * @throws org.strata.onnx.structure.StructureException when either graph's structure cannot be recognised
     */
    public static List<Point> points(Model reference, Model candidate, List<String> sharedValues) {
        TransformerStructure a = TransformerStructure.discover(reference);
        TransformerStructure b = TransformerStructure.discover(candidate);
        if (a.blockCount() != b.blockCount()) {
            throw new MismatchException("the source has " + a.blockCount() + " blocks and the candidate " + b.blockCount()
                    + "; blocks can only be compared between models of the same depth");
        }
        List<Point> points = new ArrayList<>();
        points.add(new Point(EMBEDDINGS, a.block(1).input().name(), b.block(1).input().name()));
        for (int n = 1; n <= a.blockCount(); n++) {
            points.add(new Point(Integer.toString(n), a.block(n).output().name(), b.block(n).output().name()));
        }
        for (String name : new LinkedHashSet<>(sharedValues)) {
            Value ra = reference.graph().value(name);
            Value cb = candidate.graph().value(name);
            if (ra == null || cb == null) {
                throw new MismatchException("value '" + name + "' is not in " + (ra == null ? "the source" : "the candidate")
                        + "; name values present in both models");
            }
            points.add(new Point(name, name, name));
        }
        return points;
    }

    /** The points of blocks only, as {@link #points(Model, Model, List)} without named values. */
    public static List<Point> points(Model reference, Model candidate) {
        return points(reference, candidate, List.of());
    }

    /**
     * Runs both models on at most {@code maxTexts} of the runner's inputs and compares them at {@code points}.
     *
     * @throws StrataException if ONNX Runtime cannot run either model or a point is not a value of its model
     */
    public static Result measure(ModelRunner runner, Model reference, Model candidate, List<Point> points, int maxTexts) {
        int hidden = hiddenSize(reference);
        long perPoint = (long) Math.max(1, maxTexts) * ModelRunner.MAX_LENGTH * hidden * Float.BYTES;
        int groupSize = (int) Math.max(1, Math.min(points.size(), MEMORY_BUDGET / Math.max(1, perPoint)));
        List<Row> rows = new ArrayList<>();
        int[] sequences = new int[1];
        for (int from = 0; from < points.size(); from += groupSize) {
            List<Point> group = points.subList(from, Math.min(points.size(), from + groupSize));
            rows.addAll(measureGroup(runner, reference, candidate, group, maxTexts, sequences));
        }
        return new Result(rows, sequences[0], runner.usesText());
    }

    private static List<Row> measureGroup(ModelRunner runner, Model reference, Model candidate, List<Point> group, int maxTexts,
            int[] sequences) {
        List<String> refNames = group.stream().map(Point::reference).distinct().toList();
        List<String> candNames = group.stream().map(Point::candidate).distinct().toList();
        Map<Integer, Map<String, CapturedTensor>> kept = new HashMap<>();
        runner.capture(reference, refNames, maxTexts, batch -> {
            Map<String, CapturedTensor> m = new HashMap<>();
            for (String n : refNames) m.put(n, batch.tensor(n));
            kept.put(batch.index(), m);
        });
        Accumulator[] acc = new Accumulator[group.size()];
        for (int i = 0; i < acc.length; i++) acc[i] = new Accumulator();
        int[] seen = new int[1];
        runner.capture(candidate, candNames, maxTexts, batch -> {
            Map<String, CapturedTensor> ref = kept.remove(batch.index());
            if (ref == null) throw new StrataException("the candidate ran a batch (" + batch.index() + ") the source did not");
            seen[0] += batch.batchSize();
            for (int i = 0; i < group.size(); i++) {
                acc[i].add(ref.get(group.get(i).reference()), batch.tensor(group.get(i).candidate()), batch.attentionMask());
            }
        });
        sequences[0] = seen[0];
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) rows.add(acc[i].row(group.get(i)));
        return rows;
    }

    private static int hiddenSize(Model reference) {
        try {
            return Math.max(1, TransformerStructure.discover(reference).hiddenSize());
        } catch (StrataException e) {
            return 1024;
        }
    }

    /** Sums over the token vectors of one point. */
    static final class Accumulator {
        private double cosineSum;
        private double minCosine = Double.POSITIVE_INFINITY;
        private double diffSquares;
        private double refSquares;
        private long vectors;
        private String problem;

        void add(CapturedTensor ref, CapturedTensor cand, long[][] mask) {
            if (problem != null) return;
            if (!Arrays.equals(ref.shape(), cand.shape())) {
                problem = "shapes differ: " + Arrays.toString(ref.shape()) + " in the source, " + Arrays.toString(cand.shape())
                        + " in the candidate";
                return;
            }
            float[] a = ref.values();
            float[] b = cand.values();
            int width = ref.rank() == 0 ? 1 : Math.max(1, ref.dim(ref.rank() - 1));
            int count = a.length / width;
            boolean[] real = realTokens(ref, mask, count);
            for (int v = 0; v < count; v++) {
                if (real != null && !real[v]) continue;
                int base = v * width;
                double dot = 0, na = 0, nb = 0, d2 = 0;
                for (int k = base; k < base + width; k++) {
                    double x = a[k], y = b[k];
                    dot += x * y;
                    na += x * x;
                    nb += y * y;
                    d2 += (y - x) * (y - x);
                }
                double cos = na == 0 && nb == 0 ? 1 : na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
                cosineSum += cos;
                minCosine = Math.min(minCosine, cos);
                diffSquares += d2;
                refSquares += na;
                vectors++;
            }
        }

        /**
         * The indices of the vectors of real tokens when the value holds one vector per token
         * ({@code [batch, seq, width]} or {@code [batch·seq, width]}); null when every vector counts.
         */
        private static boolean[] realTokens(CapturedTensor t, long[][] mask, int count) {
            if (mask.length == 0 || mask[0].length == 0) return null;
            int batch = mask.length, seq = mask[0].length;
            boolean perToken = t.rank() == 3 && t.dim(0) == batch && t.dim(1) == seq || t.rank() == 2 && t.dim(0) == batch * seq;
            if (!perToken || count != batch * seq) return null;
            boolean[] real = new boolean[count];
            for (int i = 0; i < batch; i++) {
                for (int j = 0; j < seq; j++) real[i * seq + j] = mask[i][j] != 0;
            }
            return real;
        }

        Row row(Point p) {
            if (problem != null || vectors == 0) {
                return new Row(p, Double.NaN, Double.NaN, Double.NaN, 0, problem != null ? problem : "nothing was compared");
            }
            double rel = refSquares == 0 ? (diffSquares == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.sqrt(diffSquares / refSquares);
            return new Row(p, cosineSum / vectors, minCosine, rel, vectors, null);
        }
    }
}
