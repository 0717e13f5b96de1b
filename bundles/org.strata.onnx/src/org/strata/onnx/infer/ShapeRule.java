package org.strata.onnx.infer;

/**
 * The type and shape rule of one operator (or a family of operators that share one): reads what is known
 * about the node's inputs from the {@link OpContext} and states what it can about the outputs. A rule sets
 * only what it can prove; outputs it says nothing about stay unknown. It throws
 * {@link ShapeInferenceException} (through {@link OpContext#error}) only when the inputs contradict the
 * operator, never because something is unknown.
 *
 * <p>Example, a rule for a custom op whose output has the first input's type and shape:
 * <pre>{@code
 * ShapeInference si = ShapeInference.standard().with("com.example", "MyNorm", op -> op.sameAsInput(0, 0));
 * }</pre>
 */
@FunctionalInterface
public interface ShapeRule {
    void infer(OpContext op);
}
