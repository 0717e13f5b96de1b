package org.strata.onnx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The mutable graph IR: nodes, values, initializers, inputs and outputs, with a producer/consumer index
 * that the few general edit operations here keep consistent ({@link #addNode}, {@link #remove(Node)},
 * {@link #replaceAllUsesWith}, {@link #addInitializer}, {@link #insertBefore}, …). Techniques edit graphs
 * only through these and {@link Node#setInput}; they never touch protobuf classes.
 *
 * <p>This is the one big mutable object of Strata and is not thread-safe. A subgraph (the body of an
 * {@code If}, {@code Loop} or {@code Scan}) is a {@code Graph} with a {@link #parent()}; its nodes may use
 * values of the enclosing graphs directly.
 */
public final class Graph {
    String name;
    String docString = "";
    final Graph parent;
    Node owner;
    final List<Node> nodes = new ArrayList<>();
    final List<Value> inputs = new ArrayList<>();
    final List<Value> outputs = new ArrayList<>();
    final LinkedHashMap<String, Value> initializers = new LinkedHashMap<>();
    final Map<String, Value> values = new HashMap<>();
    /** Values whose type is recorded as value_info, in file order then in the order types were set. */
    final LinkedHashSet<Value> typedValues = new LinkedHashSet<>();
    /** The GraphProto read (for fields Strata does not model, written back unchanged). */
    Object source;
    private int nameCounter;

    public Graph(String name) {
        this(name, null);
    }

    Graph(String name, Graph parent) {
        this.name = name == null ? "" : name;
        this.parent = parent;
    }

    /** A new, empty subgraph whose nodes can see this graph's values; attach it with {@link Attribute#of(String, Graph)}. */
    public Graph newSubgraph(String subgraphName) {
        return new Graph(subgraphName, this);
    }

    public String name() {
        return name;
    }

    public void setName(String n) {
        this.name = n == null ? "" : n;
    }

    public Graph parent() {
        return parent;
    }

    /** The control-flow node whose attribute holds this subgraph, or null for a main graph. */
    public Node owner() {
        return owner;
    }

    public List<Node> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    /** Every node of this graph and, depth first, of its subgraphs. */
    public List<Node> allNodes() {
        List<Node> out = new ArrayList<>();
        for (Node n : nodes) {
            out.add(n);
            for (Graph g : n.subgraphs()) out.addAll(g.allNodes());
        }
        return out;
    }

    public List<Value> inputs() {
        return Collections.unmodifiableList(inputs);
    }

    /** Graph inputs that are not also initializers (the model's real inputs). */
    public List<Value> realInputs() {
        return inputs.stream().filter(v -> !v.isInitializer()).toList();
    }

    public List<Value> outputs() {
        return Collections.unmodifiableList(outputs);
    }

    /** Initializers by name, in file order. */
    public Map<String, Value> initializers() {
        return Collections.unmodifiableMap(initializers);
    }

    public String docString() {
        return docString;
    }

    /** The value named {@code n} in this graph or an enclosing one, or null. */
    public Value value(String n) {
        for (Graph g = this; g != null; g = g.parent) {
            Value v = g.values.get(n);
            if (v != null) return v;
        }
        return null;
    }

    /** Every value declared in this graph (not the enclosing ones). */
    public Collection<Value> values() {
        return Collections.unmodifiableCollection(values.values());
    }

    /** {@code base} if no value of this graph or an enclosing one has that name, else {@code base_N}. */
    public String uniqueName(String base) {
        String b = base == null || base.isEmpty() ? "v" : base;
        if (!taken(b)) return b;
        String candidate;
        do {
            candidate = b + "_" + (++nameCounter);
        } while (taken(candidate));
        return candidate;
    }

    private boolean taken(String n) {
        return value(n) != null;
    }

    Value declare(String valueName) {
        if (taken(valueName)) {
            Value existing = value(valueName);
            throw new InvalidGraphException("value '" + valueName + "' is defined twice"
                    + (existing.producer != null ? " (first by " + existing.producer.describe() + ")" : ""));
        }
        Value v = new Value(this, valueName);
        values.put(valueName, v);
        return v;
    }

    void renameValue(Value v, String newName) {
        if (taken(newName)) throw new InvalidGraphException("cannot rename '" + v.name() + "' to '" + newName + "': the name is taken");
        values.remove(v.name());
        v.setNameInternal(newName);
        values.put(newName, v);
        if (v.initializer != null) {
            initializersRename(v);
        }
    }

    private void initializersRename(Value v) {
        List<Value> order = new ArrayList<>(initializers.values());
        initializers.clear();
        for (Value x : order) initializers.put(x.name(), x);
    }

    void noteTypedValue(Value v) {
        if (v.graph == this) typedValues.add(v);
    }

    // ---- inputs, outputs, initializers ---------------------------------------------------------------

    /** Adds a graph input of the given type (null: unknown). */
    public Value addInput(String inputName, TensorType type) {
        Value v = declare(inputName);
        v.type = type;
        inputs.add(v);
        return v;
    }

    /** Makes {@code v} a graph output (appended). */
    public void addOutput(Value v) {
        outputs.add(v);
    }

    /** Replaces graph output {@code i}. */
    public void setOutput(int i, Value v) {
        outputs.set(i, v);
    }

    public void removeOutput(Value v) {
        outputs.remove(v);
    }

    /**
     * Removes a graph input (not an initializer) nobody uses any more, e.g. the past state of a removed layer.
     *
     * @throws InvalidGraphException when it is not an input of this graph or still has uses
     */
    public void removeInput(Value v) {
        if (!inputs.contains(v) || v.initializer != null) {
            throw new InvalidGraphException("'" + v.name() + "' is not a graph input of graph '" + name + "'");
        }
        if (v.hasUses() || outputs.contains(v)) {
            throw new InvalidGraphException("cannot remove graph input '" + v.name() + "': still used by "
                    + v.consumers().stream().map(Node::describe).limit(3).toList());
        }
        inputs.remove(v);
        values.remove(v.name());
        typedValues.remove(v);
    }

    /** Adds an initializer; the name is made unique and the tensor takes it. */
    public Value addInitializer(String initName, Tensor t) {
        Value v = declare(uniqueName(initName));
        v.initializer = t.name().equals(v.name()) ? t : t.withName(v.name());
        v.type = t.tensorType();
        initializers.put(v.name(), v);
        return v;
    }

    /** Replaces the data of initializer {@code v} (the type recorded for it follows). */
    public void setInitializer(Value v, Tensor t) {
        if (v.initializer == null) throw new InvalidGraphException("'" + v.name() + "' is not an initializer");
        v.initializer = t.name().equals(v.name()) ? t : t.withName(v.name());
        v.type = t.tensorType();
    }

    /** Removes an initializer nobody uses any more. */
    public void removeInitializer(Value v) {
        if (v.hasUses() || outputs.contains(v)) {
            throw new InvalidGraphException("cannot remove initializer '" + v.name() + "': still used by "
                    + v.consumers().stream().map(Node::describe).limit(3).toList());
        }
        initializers.remove(v.name());
        inputs.remove(v);
        values.remove(v.name());
        typedValues.remove(v);
        v.initializer = null;
    }

    // ---- nodes ---------------------------------------------------------------------------------------

    /** Appends a default-domain node with fresh outputs named after {@code outputNames}. */
    public Node addNode(String opType, List<Value> nodeInputs, String... outputNames) {
        return addNode(Node.DEFAULT_DOMAIN, opType, nodeInputs, List.of(outputNames), List.of());
    }

    /**
     * Appends a node. Output names are made unique. The node goes at the end of the list: use
     * {@link #insertBefore}/{@link #insertAfter} or {@link #sortTopologically()} to place it.
     */
    public Node addNode(String domain, String opType, List<Value> nodeInputs, List<String> outputNames,
            List<Attribute> attrs) {
        Node n = new Node(this, domain, opType, "");
        for (int i = 0; i < nodeInputs.size(); i++) {
            Value in = nodeInputs.get(i);
            if (in != null && !visible(in)) {
                throw new InvalidGraphException("value '" + in.name() + "' is not visible from graph '" + name + "'");
            }
            n.setInput(i, in);
        }
        for (String o : outputNames) n.addOutput(o);
        for (Attribute a : attrs) n.setAttribute(a);
        nodes.add(n);
        return n;
    }

    private boolean visible(Value v) {
        for (Graph g = this; g != null; g = g.parent) if (v.graph == g) return true;
        return false;
    }

    /** Moves {@code n} (of this graph) to just before {@code anchor}. */
    public void insertBefore(Node anchor, Node n) {
        move(n, anchor, 0);
    }

    /** Moves {@code n} (of this graph) to just after {@code anchor}. */
    public void insertAfter(Node anchor, Node n) {
        move(n, anchor, 1);
    }

    private void move(Node n, Node anchor, int offset) {
        if (n.graph != this || anchor.graph != this) throw new InvalidGraphException("nodes of another graph");
        nodes.remove(n);
        int at = nodes.indexOf(anchor);
        if (at < 0) throw new InvalidGraphException(anchor.describe() + " is not in graph '" + name + "'");
        nodes.add(at + offset, n);
    }

    /**
     * Removes a node whose outputs nobody uses any more.
     *
     * @throws InvalidGraphException naming the first remaining use otherwise
     */
    public void remove(Node n) {
        removeAll(List.of(n));
    }

    /** Removes a set of nodes at once; their outputs may be used only by nodes of the same set. */
    public void removeAll(Collection<Node> doomed) {
        Set<Node> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(doomed);
        for (Node n : set) {
            if (n.graph != this) throw new InvalidGraphException(n.describe() + " is not in graph '" + name + "'");
            for (Value o : n.outputs) {
                if (outputs.contains(o)) {
                    throw new InvalidGraphException("cannot remove " + n.describe() + ": its output '" + o.name()
                            + "' is a graph output");
                }
                for (Value.Use u : o.uses) {
                    if (!set.contains(u.node()) && !insideAny(u.node(), set)) {
                        throw new InvalidGraphException("cannot remove " + n.describe() + ": its output '" + o.name()
                                + "' is still used by " + u.node().describe());
                    }
                }
            }
        }
        for (Node n : set) detach(n);
        nodes.removeIf(set::contains);
    }

    private static boolean insideAny(Node user, Set<Node> set) {
        for (Graph g = user.graph; g.owner != null; g = g.owner.graph) if (set.contains(g.owner)) return true;
        return false;
    }

    private void detach(Node n) {
        for (int i = 0; i < n.inputs.size(); i++) {
            Value in = n.inputs.get(i);
            if (in != null) in.uses.remove(new Value.Use(n, i));
        }
        for (Graph g : n.subgraphs()) {
            for (Node inner : new ArrayList<>(g.nodes)) g.detach(inner);
        }
        for (Value o : n.outputs) {
            values.remove(o.name());
            typedValues.remove(o);
            o.producer = null;
        }
    }

    /**
     * Makes every user of {@code old} (node inputs here and in subgraphs, graph outputs) use {@code replacement}
     * instead. When {@code old} is a graph output its name is the model's interface, so the output keeps the
     * name: {@code replacement} takes it when it is a plain node output, otherwise an Identity carries it.
     */
    public void replaceAllUsesWith(Value old, Value replacement) {
        if (old == replacement) return;
        for (Value.Use u : new ArrayList<>(old.uses)) u.node().setInput(u.index(), replacement);
        Graph owning = old.graph;
        int outIdx = owning.outputs.indexOf(old);
        if (outIdx >= 0) {
            boolean plain = replacement.producer != null && replacement.graph == owning
                    && !owning.outputs.contains(replacement);
            String interfaceName = old.name();
            if (plain) {
                owning.renameValue(old, owning.uniqueName(interfaceName + "_replaced"));
                owning.renameValue(replacement, interfaceName);
                if (replacement.type == null) replacement.type = old.type;
                owning.outputs.set(outIdx, replacement);
            } else {
                owning.renameValue(old, owning.uniqueName(interfaceName + "_replaced"));
                Node id = owning.addNode("Identity", List.of(replacement), interfaceName);
                id.output(0).type = old.type;
                owning.outputs.set(outIdx, id.output(0));
            }
        }
    }

    /**
     * Removes, repeatedly, nodes none of whose outputs is used or a graph output, and initializers nobody
     * uses. Returns how many nodes were removed.
     */
    public int removeDeadNodes() {
        int removed = 0;
        boolean again = true;
        while (again) {
            again = false;
            for (int i = nodes.size() - 1; i >= 0; i--) {
                Node n = nodes.get(i);
                boolean dead = n.outputs.stream().noneMatch(o -> o.hasUses() || outputs.contains(o));
                if (dead) {
                    detach(n);
                    nodes.remove(i);
                    removed++;
                    again = true;
                }
            }
        }
        for (Value v : new ArrayList<>(initializers.values())) {
            if (!v.hasUses() && !outputs.contains(v)) removeInitializer(v);
        }
        return removed;
    }

    // ---- order ---------------------------------------------------------------------------------------

    /**
     * The nodes in a topological order that keeps the current order wherever it is already valid.
     *
     * @throws InvalidGraphException naming the nodes on a cycle when there is one
     */
    public List<Node> topologicalOrder() {
        Map<Node, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < nodes.size(); i++) position.put(nodes.get(i), i);
        Map<Node, Set<Node>> preds = new IdentityHashMap<>();
        Map<Node, List<Node>> succs = new IdentityHashMap<>();
        for (Node n : nodes) {
            Set<Node> p = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Value v : dependencies(n)) {
                Node prod = v.producer;
                if (prod != null && prod.graph == this && prod != n) p.add(prod);
                else if (prod == n) p.add(n); // a node consuming its own output: a cycle of one
            }
            preds.put(n, p);
            for (Node q : p) succs.computeIfAbsent(q, k -> new ArrayList<>()).add(n);
        }
        java.util.PriorityQueue<Node> ready = new java.util.PriorityQueue<>(java.util.Comparator.comparingInt(position::get));
        Map<Node, Integer> remaining = new IdentityHashMap<>();
        for (Node n : nodes) {
            remaining.put(n, preds.get(n).size());
            if (preds.get(n).isEmpty()) ready.add(n);
        }
        List<Node> order = new ArrayList<>(nodes.size());
        while (!ready.isEmpty()) {
            Node n = ready.poll();
            order.add(n);
            for (Node s : succs.getOrDefault(n, List.of())) {
                if (remaining.merge(s, -1, Integer::sum) == 0) ready.add(s);
            }
        }
        if (order.size() != nodes.size()) {
            List<Node> stuck = nodes.stream().filter(n -> remaining.get(n) > 0).toList();
            throw new InvalidGraphException("graph '" + name + "' has a cycle through "
                    + cycleOf(stuck, preds).stream().map(Node::describe).toList());
        }
        return order;
    }

    /** One cycle among {@code stuck} nodes, for the message. */
    private static List<Node> cycleOf(List<Node> stuck, Map<Node, Set<Node>> preds) {
        Set<Node> stuckSet = Collections.newSetFromMap(new IdentityHashMap<>());
        stuckSet.addAll(stuck);
        List<Node> path = new ArrayList<>();
        Map<Node, Integer> seenAt = new IdentityHashMap<>();
        Node cur = stuck.get(0);
        while (!seenAt.containsKey(cur)) {
            seenAt.put(cur, path.size());
            path.add(cur);
            Node next = null;
            for (Node p : preds.get(cur)) if (stuckSet.contains(p)) { next = p; break; }
            if (next == null) return stuck;
            cur = next;
        }
        List<Node> cycle = new ArrayList<>(path.subList(seenAt.get(cur), path.size()));
        Collections.reverse(cycle);
        return cycle;
    }

    /** Values a node needs before it can run: its inputs and the outer values its subgraphs use. */
    static Set<Value> dependencies(Node n) {
        Set<Value> deps = new LinkedHashSet<>();
        for (Value v : n.inputs) if (v != null) deps.add(v);
        Deque<Graph> todo = new ArrayDeque<>(n.subgraphs());
        while (!todo.isEmpty()) {
            Graph g = todo.pop();
            for (Node inner : g.nodes) {
                for (Value v : inner.inputs) if (v != null && v.graph != g && !isInside(v.graph, g)) deps.add(v);
                todo.addAll(inner.subgraphs());
            }
            for (Value o : g.outputs) if (o.graph != g && !isInside(o.graph, g)) deps.add(o);
        }
        deps.removeIf(v -> !isInside(n.graph, v.graph) && v.graph != n.graph);
        return deps;
    }

    /** True when {@code inner} is {@code outer} or nested in it. */
    private static boolean isInside(Graph inner, Graph outer) {
        for (Graph g = inner; g != null; g = g.parent) if (g == outer) return true;
        return false;
    }

    /** Reorders the node list topologically (stable where possible), recursively for subgraphs. */
    public void sortTopologically() {
        List<Node> order = topologicalOrder();
        nodes.clear();
        nodes.addAll(order);
        for (Node n : nodes) for (Graph g : n.subgraphs()) g.sortTopologically();
    }

    /** True when every node comes after the producers of its inputs. */
    public boolean isTopologicallySorted() {
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node n : nodes) {
            for (Value v : dependencies(n)) {
                if (v.producer != null && v.producer.graph == this && !seen.contains(v.producer)) return false;
            }
            seen.add(n);
        }
        return true;
    }

    /** Nodes by op type ({@code domain::op} for other domains), for histograms. */
    public Map<String, Integer> opHistogram() {
        Map<String, Integer> h = new java.util.TreeMap<>();
        for (Node n : allNodes()) h.merge(n.domain().isEmpty() ? n.opType() : n.domain() + "::" + n.opType(), 1, Integer::sum);
        return h;
    }

    /** Distinct domains used by nodes of this graph and its subgraphs ("" for the default). */
    public Set<String> domainsUsed() {
        Set<String> d = new HashSet<>();
        for (Node n : allNodes()) d.add(n.domain());
        return d;
    }

    @Override
    public String toString() {
        return "Graph[" + name + ": " + nodes.size() + " nodes]";
    }
}
