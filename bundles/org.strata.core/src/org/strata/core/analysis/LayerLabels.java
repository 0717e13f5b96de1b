package org.strata.core.analysis;

import java.util.ArrayList;
import java.util.List;

/** Row and column labels of the layer analyses: blocks are numbered from 1, as everywhere a user sees them. */
public final class LayerLabels {
    private LayerLabels() {
    }

    /** {@code "block 1"} … {@code "block n"}. */
    public static List<String> blocks(int n) {
        List<String> out = new ArrayList<>(n);
        for (int b = 1; b <= n; b++) out.add("block " + b);
        return out;
    }
}
