package org.strata.onnx;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An ONNX model: the main {@link Graph} plus model-level facts (IR version, opset imports, producer,
 * metadata). Read with {@link ModelReader}, written with {@link ModelWriter}. Fields Strata does not
 * model (functions, training info) are kept and written back unchanged.
 */
public final class Model {
    long irVersion;
    String producerName = "";
    String producerVersion = "";
    String domain = "";
    long modelVersion;
    String docString = "";
    final LinkedHashMap<String, Long> opsets = new LinkedHashMap<>();
    final LinkedHashMap<String, String> metadata = new LinkedHashMap<>();
    Graph graph;
    /** Where the model was read from (null when built in memory or read from bytes). */
    Path sourceFile;
    /** The ModelProto read, for the fields Strata does not model. */
    Object source;

    /** A new empty model: IR version 8 and the default domain at {@code opset}. */
    public Model(Graph graph, long irVersion, long opset) {
        this.graph = graph;
        this.irVersion = irVersion;
        this.opsets.put("", opset);
        this.producerName = "strata";
    }

    Model() {
    }

    public Graph graph() {
        return graph;
    }

    public long irVersion() {
        return irVersion;
    }

    public void setIrVersion(long v) {
        irVersion = v;
    }

    /** Opset imports by domain ("" is the default ONNX domain). */
    public Map<String, Long> opsets() {
        return Collections.unmodifiableMap(opsets);
    }

    /** The imported version of {@code dom} ("" or "ai.onnx" for the default), or -1. */
    public long opset(String dom) {
        return opsets.getOrDefault(dom.equals("ai.onnx") ? "" : dom, -1L);
    }

    public void setOpset(String dom, long version) {
        opsets.put(dom.equals("ai.onnx") ? "" : dom, version);
    }

    public Map<String, String> metadata() {
        return Collections.unmodifiableMap(metadata);
    }

    public void putMetadata(String key, String value) {
        metadata.put(key, value);
    }

    public String producerName() {
        return producerName;
    }

    public String producerVersion() {
        return producerVersion;
    }

    public void setProducer(String name, String version) {
        producerName = name;
        producerVersion = version;
    }

    public String docString() {
        return docString;
    }

    /** The file this model was read from, or null. */
    public Path sourceFile() {
        return sourceFile;
    }

    /** Bytes of initializer data (including data stored outside the file). */
    public long initializerBytes() {
        long total = 0;
        for (Value v : graph.initializers.values()) total += v.initializer.byteSize();
        return total;
    }
}
