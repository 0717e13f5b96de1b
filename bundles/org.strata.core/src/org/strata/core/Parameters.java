package org.strata.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Validated parameter values of one step: every parameter of the descriptor has a value (given or default). */
public final class Parameters {
    private final Map<String, Object> values;

    private Parameters(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Checks {@code given} (typed values) against the descriptor and fills in defaults.
     *
     * @throws ParameterException for an unknown parameter, a missing one without default, or a bad value
     */
    public static Parameters of(TechniqueDescriptor d, Map<String, ?> given) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String k : given.keySet()) {
            if (d.parameter(k).isEmpty()) {
                throw new ParameterException(k, "technique " + d.id() + " has no such parameter (it has "
                        + d.parameters().stream().map(ParameterSpec::name).toList() + ")");
            }
        }
        for (ParameterSpec p : d.parameters()) {
            Object v = given.containsKey(p.name()) ? given.get(p.name()) : p.defaultValue();
            if (v == null) throw new ParameterException(p.name(), "is required by technique " + d.id() + " and has no default");
            p.check(v);
            out.put(p.name(), v);
        }
        return new Parameters(out);
    }

    /** Parses text values (as written in pipeline files and on the command line), then as {@link #of}. */
    public static Parameters parse(TechniqueDescriptor d, Map<String, String> text) {
        Map<String, Object> typed = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : text.entrySet()) {
            ParameterSpec p = d.parameter(e.getKey()).orElseThrow(() -> new ParameterException(e.getKey(),
                    "technique " + d.id() + " has no such parameter (it has "
                            + d.parameters().stream().map(ParameterSpec::name).toList() + ")"));
            typed.put(e.getKey(), p.parse(e.getValue()));
        }
        return of(d, typed);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public int getInt(String name) {
        return ((Number) get(name)).intValue();
    }

    public double getDouble(String name) {
        return ((Number) get(name)).doubleValue();
    }

    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    public String getString(String name) {
        return (String) get(name);
    }

    @SuppressWarnings("unchecked")
    public List<Integer> getIntList(String name) {
        return (List<Integer>) get(name);
    }

    @SuppressWarnings("unchecked")
    public List<String> getStringList(String name) {
        return (List<String>) get(name);
    }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null && !values.containsKey(name)) throw new IllegalArgumentException("no parameter '" + name + "'");
        return v;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
