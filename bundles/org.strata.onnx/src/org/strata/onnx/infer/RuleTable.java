package org.strata.onnx.infer;

import java.util.LinkedHashMap;
import java.util.Map;

import org.strata.onnx.Node;

/** The (domain, op) → rule table the rule families fill; see {@link ShapeInference#standard()}. */
final class RuleTable {
    final Map<ShapeInference.OpKey, ShapeRule> rules = new LinkedHashMap<>();

    /** Registers {@code rule} for each of {@code ops} in the default ONNX domain. */
    RuleTable onnx(ShapeRule rule, String... ops) {
        return put(Node.DEFAULT_DOMAIN, rule, ops);
    }

    /** Registers {@code rule} for each of {@code ops} in {@code com.microsoft}. */
    RuleTable microsoft(ShapeRule rule, String... ops) {
        return put(Node.MS_DOMAIN, rule, ops);
    }

    RuleTable put(String domain, ShapeRule rule, String... ops) {
        for (String op : ops) {
            if (rules.put(new ShapeInference.OpKey(domain, op), rule) != null) {
                throw new IllegalStateException("two shape rules for " + domain + "::" + op);
            }
        }
        return this;
    }
}
