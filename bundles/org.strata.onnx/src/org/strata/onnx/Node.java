package org.strata.onnx;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One operator application. Inputs may contain {@code null} for omitted optional inputs; outputs are
 * never null (an omitted optional output is simply not listed past the last used one, or has a value
 * nobody uses). Changing inputs through {@link #setInput} keeps every {@link Value}'s use list right.
 */
public final class Node {
    public static final String DEFAULT_DOMAIN = "";
    public static final String MS_DOMAIN = "com.microsoft";

    final Graph graph;
    String name;
    String opType;
    String domain;
    String docString = "";
    final List<Value> inputs = new ArrayList<>();
    final List<Value> outputs = new ArrayList<>();
    final LinkedHashMap<String, Attribute> attributes = new LinkedHashMap<>();
    /** NodeProto read, and the AttributeProto of each attribute still unchanged (same instance). */
    Object source;
    final Map<Attribute, Object> attributeSources = new IdentityHashMap<>();

    Node(Graph graph, String domain, String opType, String name) {
        this.graph = graph;
        this.domain = domain == null || domain.equals("ai.onnx") ? "" : domain;
        this.opType = opType;
        this.name = name == null ? "" : name;
    }

    public Graph graph() {
        return graph;
    }

    public String name() {
        return name;
    }

    public void setName(String name) {
        this.name = name == null ? "" : name;
    }

    public String opType() {
        return opType;
    }

    /** "" for the default ONNX domain. */
    public String domain() {
        return domain;
    }

    /** True for {@code opType} in the default domain. */
    public boolean is(String op) {
        return domain.isEmpty() && opType.equals(op);
    }

    /** True for {@code opType} in {@code domain}. */
    public boolean is(String dom, String op) {
        return domain.equals(dom) && opType.equals(op);
    }

    public List<Value> inputs() {
        return Collections.unmodifiableList(inputs);
    }

    public List<Value> outputs() {
        return Collections.unmodifiableList(outputs);
    }

    /** Input {@code i}, or null when omitted or past the end. */
    public Value input(int i) {
        return i < inputs.size() ? inputs.get(i) : null;
    }

    public Value output(int i) {
        return outputs.get(i);
    }

    /** Replaces input {@code i} (null omits it), updating both values' use lists. */
    public void setInput(int i, Value v) {
        while (inputs.size() <= i) inputs.add(null);
        Value old = inputs.get(i);
        if (old != null) old.uses.remove(new Value.Use(this, i));
        inputs.set(i, v);
        if (v != null) v.uses.add(new Value.Use(this, i));
        trimInputs();
    }

    public void addInput(Value v) {
        setInput(inputs.size(), v);
    }

    /** Adds a new output value named {@code name} (made unique if taken). */
    public Value addOutput(String name) {
        Value v = graph.declare(graph.uniqueName(name));
        v.producer = this;
        v.producerIndex = outputs.size();
        outputs.add(v);
        return v;
    }

    private void trimInputs() {
        while (!inputs.isEmpty() && inputs.get(inputs.size() - 1) == null) inputs.remove(inputs.size() - 1);
    }

    public Map<String, Attribute> attributes() {
        return Collections.unmodifiableMap(attributes);
    }

    public Attribute attribute(String attrName) {
        return attributes.get(attrName);
    }

    public boolean hasAttribute(String attrName) {
        return attributes.containsKey(attrName);
    }

    public void setAttribute(Attribute a) {
        if (a instanceof Attribute.Subgraph s) adopt(s.value());
        if (a instanceof Attribute.Subgraphs s) s.values().forEach(this::adopt);
        Attribute old = attributes.put(a.name(), a);
        if (old != null) attributeSources.remove(old);
    }

    private void adopt(Graph sub) {
        if (sub.parent != graph) {
            throw new InvalidGraphException("subgraph '" + sub.name() + "' was made for another graph; create it with newSubgraph of " + graph.name());
        }
        sub.owner = this;
    }

    public void removeAttribute(String attrName) {
        Attribute old = attributes.remove(attrName);
        if (old != null) attributeSources.remove(old);
    }

    public long attrInt(String attrName, long fallback) {
        return attributes.get(attrName) instanceof Attribute.Int i ? i.value() : fallback;
    }

    public float attrFloat(String attrName, float fallback) {
        return attributes.get(attrName) instanceof Attribute.Float f ? f.value() : fallback;
    }

    public String attrString(String attrName, String fallback) {
        return attributes.get(attrName) instanceof Attribute.Str s ? s.value() : fallback;
    }

    /** Integer list attribute, or null when absent. */
    public long[] attrInts(String attrName) {
        return attributes.get(attrName) instanceof Attribute.Ints i ? i.toArray() : null;
    }

    public Tensor attrTensor(String attrName) {
        return attributes.get(attrName) instanceof Attribute.TensorValue t ? t.value() : null;
    }

    /** Bodies of control-flow attributes (If branches, Loop/Scan bodies). */
    public List<Graph> subgraphs() {
        List<Graph> out = new ArrayList<>();
        for (Attribute a : attributes.values()) {
            if (a instanceof Attribute.Subgraph s) out.add(s.value());
            else if (a instanceof Attribute.Subgraphs s) out.addAll(s.values());
        }
        return out;
    }

    public String docString() {
        return docString;
    }

    /** How messages name this node: its name if it has one, else op type and first output. */
    public String describe() {
        String op = domain.isEmpty() ? opType : domain + "::" + opType;
        if (!name.isEmpty()) return "node '" + name + "' (" + op + ")";
        return "unnamed " + op + " node" + (outputs.isEmpty() ? "" : " producing '" + outputs.get(0).name() + "'");
    }

    @Override
    public String toString() {
        return describe();
    }
}
