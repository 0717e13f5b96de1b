package org.strata.onnx.structure;

import org.strata.onnx.StrataException;

/**
 * A graph whose transformer structure could not be recognised. The message names the block (numbered from
 * 1), the node that was looked at and what was expected there, e.g. "block 3: expected the attention
 * Softmax to feed a MatMul with V, but unnamed Mul node producing 'x' uses it".
 */
public class StructureException extends StrataException {
    private static final long serialVersionUID = 1L;

    public StructureException(String message) {
        super(message);
    }
}
