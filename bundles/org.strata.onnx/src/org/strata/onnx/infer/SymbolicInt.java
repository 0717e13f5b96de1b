package org.strata.onnx.infer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.strata.onnx.Dim;

/**
 * An integer known exactly, known as a polynomial in symbolic dimensions ({@code batch_size},
 * {@code 12*sequence_length}, {@code past_sequence_length + sequence_length}), or not known at all.
 * Immutable.
 *
 * <p>Shape arithmetic in exported graphs is almost always sums and products of dimensions and constants,
 * so a polynomial with integer coefficients is enough to carry a symbolic batch or sequence length through
 * {@code Shape → Gather → Concat → Reshape} subgraphs and to solve a Reshape's {@code -1}. Anything that
 * leaves that algebra (a symbolic floor division, a minimum of two different symbols) is {@link #UNKNOWN}.
 *
 * <p>A symbolic {@link Dim} is read as a polynomial: its name is split on {@code " + "}, {@code " - "} and
 * {@code *}, so names written by {@link #toDim()} read back as the same polynomial; a name without those
 * separators is one symbol.
 */
public final class SymbolicInt {
    /** An integer nothing is known about. */
    public static final SymbolicInt UNKNOWN = new SymbolicInt(null);

    /** Polynomials with more terms than this are not worth carrying: they become {@link #UNKNOWN}. */
    private static final int MAX_TERMS = 8;
    private static final Pattern TERM_SPLIT = Pattern.compile("(?= [+-] )");

    /** Monomial (sorted symbol names joined by '*', "" for the constant term) to non-zero coefficient; null when unknown. */
    private final TreeMap<String, Long> terms;

    private SymbolicInt(TreeMap<String, Long> terms) {
        this.terms = terms;
    }

    public static SymbolicInt of(long value) {
        TreeMap<String, Long> t = new TreeMap<>();
        if (value != 0) t.put("", value);
        return new SymbolicInt(t);
    }

    /** The symbol (or polynomial) a symbolic dimension's name spells. */
    public static SymbolicInt symbol(String name) {
        if (name == null || name.isBlank()) return UNKNOWN;
        SymbolicInt sum = of(0);
        for (String raw : TERM_SPLIT.split(name.trim())) {
            String term = raw.trim();
            long sign = 1;
            if (term.startsWith("+ ")) term = term.substring(2).trim();
            else if (term.startsWith("-")) {
                sign = -1;
                term = term.substring(1).trim();
            }
            if (term.isEmpty()) return atom(name);
            long coefficient = sign;
            List<String> factors = new ArrayList<>();
            for (String f : term.split("\\*")) {
                String factor = f.trim();
                if (factor.isEmpty()) return atom(name);
                if (factor.chars().allMatch(Character::isDigit) && factor.length() < 18) {
                    coefficient = Math.multiplyExact(coefficient, Long.parseLong(factor));
                } else {
                    factors.add(factor);
                }
            }
            Collections.sort(factors);
            TreeMap<String, Long> t = new TreeMap<>();
            if (coefficient != 0) t.put(String.join("*", factors), coefficient);
            sum = sum.plus(new SymbolicInt(t));
        }
        return sum;
    }

    private static SymbolicInt atom(String name) {
        TreeMap<String, Long> t = new TreeMap<>();
        t.put(name, 1L);
        return new SymbolicInt(t);
    }

    /** A dimension as an integer: fixed sizes exactly, symbols as polynomials, unknown as {@link #UNKNOWN}. */
    public static SymbolicInt of(Dim d) {
        return switch (d) {
            case Dim.Fixed f -> of(f.size());
            case Dim.Symbolic s -> symbol(s.name());
            case Dim.Unknown u -> UNKNOWN;
        };
    }

    public boolean isUnknown() {
        return terms == null;
    }

    /** True when the value is a plain integer. */
    public boolean isKnown() {
        return terms != null && (terms.isEmpty() || (terms.size() == 1 && terms.containsKey("")));
    }

    /** The plain integer value. @throws IllegalStateException when {@link #isKnown()} is false */
    public long value() {
        if (!isKnown()) throw new IllegalStateException(this + " is not a known integer");
        return terms.getOrDefault("", 0L);
    }

    /** True when this is exactly {@code v}. */
    public boolean is(long v) {
        return isKnown() && value() == v;
    }

    /**
     * As a dimension: a non-negative integer is fixed, a polynomial is symbolic (named by {@link #toString()}),
     * anything else (unknown, negative) is {@link Dim#UNKNOWN}.
     */
    public Dim toDim() {
        if (terms == null) return Dim.UNKNOWN;
        if (isKnown()) return value() >= 0 ? Dim.of(value()) : Dim.UNKNOWN;
        return Dim.of(toString());
    }

    public SymbolicInt plus(SymbolicInt o) {
        if (terms == null || o.terms == null) return UNKNOWN;
        TreeMap<String, Long> t = new TreeMap<>(terms);
        for (Map.Entry<String, Long> e : o.terms.entrySet()) {
            long c = Math.addExact(t.getOrDefault(e.getKey(), 0L), e.getValue());
            if (c == 0) t.remove(e.getKey());
            else t.put(e.getKey(), c);
        }
        return bounded(t);
    }

    public SymbolicInt negate() {
        return times(of(-1));
    }

    public SymbolicInt minus(SymbolicInt o) {
        return plus(o.negate());
    }

    public SymbolicInt times(SymbolicInt o) {
        if (terms == null || o.terms == null) return UNKNOWN;
        TreeMap<String, Long> t = new TreeMap<>();
        for (Map.Entry<String, Long> a : terms.entrySet()) {
            for (Map.Entry<String, Long> b : o.terms.entrySet()) {
                String m = multiply(a.getKey(), b.getKey());
                long c = Math.addExact(t.getOrDefault(m, 0L), Math.multiplyExact(a.getValue(), b.getValue()));
                if (c == 0) t.remove(m);
                else t.put(m, c);
            }
        }
        return bounded(t);
    }

    /**
     * Integer division as ONNX integer {@code Div} computes it (truncating) for plain integers; for polynomials
     * only when the division is exact term by term (every term divisible by a single-term divisor), or when
     * one polynomial is an integer multiple of the other.
     */
    public SymbolicInt dividedBy(SymbolicInt o) {
        if (terms == null || o.terms == null || o.terms.isEmpty()) return UNKNOWN;
        if (isKnown() && o.isKnown()) return of(value() / o.value());
        if (o.terms.size() == 1) {
            Map.Entry<String, Long> d = o.terms.firstEntry();
            TreeMap<String, Long> t = new TreeMap<>();
            for (Map.Entry<String, Long> e : terms.entrySet()) {
                String q = divideMonomial(e.getKey(), d.getKey());
                if (q == null || e.getValue() % d.getValue() != 0) return UNKNOWN;
                t.put(q, e.getValue() / d.getValue());
            }
            return new SymbolicInt(t);
        }
        // (k·P) / P = k
        if (terms.size() == o.terms.size() && terms.keySet().equals(o.terms.keySet())) {
            Map.Entry<String, Long> first = o.terms.firstEntry();
            long num = terms.get(first.getKey());
            if (num % first.getValue() != 0) return UNKNOWN;
            long k = num / first.getValue();
            return o.times(of(k)).equals(this) ? of(k) : UNKNOWN;
        }
        return UNKNOWN;
    }

    /** Remainder (sign of the dividend, as ONNX {@code Mod} with fmod=0 on positive shape values) of plain integers. */
    public SymbolicInt mod(SymbolicInt o) {
        if (isKnown() && o.isKnown() && o.value() != 0) return of(Math.floorMod(value(), o.value()));
        return UNKNOWN;
    }

    public SymbolicInt min(SymbolicInt o) {
        if (equals(o)) return this;
        if (isKnown() && o.isKnown()) return of(Math.min(value(), o.value()));
        return UNKNOWN;
    }

    public SymbolicInt max(SymbolicInt o) {
        if (equals(o)) return this;
        if (isKnown() && o.isKnown()) return of(Math.max(value(), o.value()));
        return UNKNOWN;
    }

    private static SymbolicInt bounded(TreeMap<String, Long> t) {
        return t.size() > MAX_TERMS ? UNKNOWN : new SymbolicInt(t);
    }

    private static String multiply(String a, String b) {
        if (a.isEmpty()) return b;
        if (b.isEmpty()) return a;
        List<String> f = new ArrayList<>(List.of(a.split("\\*")));
        f.addAll(List.of(b.split("\\*")));
        Collections.sort(f);
        return String.join("*", f);
    }

    /** a / b for monomials, or null when b's symbols are not all in a. */
    private static String divideMonomial(String a, String b) {
        if (b.isEmpty()) return a;
        if (a.isEmpty()) return null;
        List<String> f = new ArrayList<>(List.of(a.split("\\*")));
        for (String s : b.split("\\*")) if (!f.remove(s)) return null;
        return String.join("*", f);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SymbolicInt s && java.util.Objects.equals(terms, s.terms);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hashCode(terms);
    }

    /** {@code ?}, an integer, or the polynomial with symbolic terms first: {@code 12*batch + 3}. */
    @Override
    public String toString() {
        if (terms == null) return "?";
        if (terms.isEmpty()) return "0";
        StringBuilder sb = new StringBuilder();
        List<Map.Entry<String, Long>> ordered = new ArrayList<>(terms.entrySet());
        ordered.sort(Map.Entry.comparingByKey((x, y) -> x.isEmpty() != y.isEmpty() ? (x.isEmpty() ? 1 : -1) : x.compareTo(y)));
        for (Map.Entry<String, Long> e : ordered) {
            long c = e.getValue();
            String m = e.getKey();
            if (sb.isEmpty()) {
                if (c < 0) sb.append('-');
            } else {
                sb.append(c < 0 ? " - " : " + ");
            }
            long abs = Math.abs(c);
            if (m.isEmpty()) sb.append(abs);
            else if (abs == 1) sb.append(m);
            else sb.append(abs).append('*').append(m);
        }
        return sb.toString();
    }
}
