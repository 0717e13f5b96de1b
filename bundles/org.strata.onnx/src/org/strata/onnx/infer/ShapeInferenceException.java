package org.strata.onnx.infer;

import org.strata.onnx.Node;
import org.strata.onnx.StrataException;

/**
 * A node whose inputs contradict its operator's rules (MatMul inner dimensions 384 and 1536, a Reshape of 6
 * elements into 4, an axis past the rank). Shape inference records it as a {@link org.strata.onnx.Problem}
 * naming the node and goes on; the node's outputs stay unknown.
 */
public class ShapeInferenceException extends StrataException {
    private static final long serialVersionUID = 1L;

    private final transient Node node;
    private final String reason;

    public ShapeInferenceException(Node node, String reason) {
        super(node.describe() + ": " + reason);
        this.node = node;
        this.reason = reason;
    }

    /** The node whose inputs are inconsistent. */
    public Node node() {
        return node;
    }

    /** What is wrong, without the node's name. */
    public String reason() {
        return reason;
    }
}
