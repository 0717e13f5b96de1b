package org.strata.core;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the rest of Strata knows about a technique without running it: the single source for
 * pipeline validation, {@code strata techniques}, CLI help and the workbench's parameter forms.
 *
 * @param id          stable identifier used in pipeline files, {@code family.name} (e.g. {@code quantize.dynamic-int8})
 * @param name        human name
 * @param family      technique family (the bundle's: cleanup, quantize, fuse, prune, layers, tokens, lowrank)
 * @param description one line
 * @param lossless    true when the output must match the reference within {@link #tolerance()}
 * @param parameters  typed parameters, in the order forms show them
 * @param accepts     graph forms the technique accepts
 * @param tolerance   a looser lossless tolerance than the engine's default (1e-4 relative), or NaN for the default
 */
public record TechniqueDescriptor(String id, String name, String family, String description, boolean lossless,
        List<ParameterSpec> parameters, Set<GraphForm> accepts, double tolerance) {
    public static final double DEFAULT_TOLERANCE = 1e-4;

    public TechniqueDescriptor {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)*")) {
            throw new IllegalArgumentException("technique id '" + id + "' must look like family.name (lower case, digits, dashes)");
        }
        parameters = List.copyOf(parameters);
        accepts = Set.copyOf(accepts);
        long distinct = parameters.stream().map(ParameterSpec::name).distinct().count();
        if (distinct != parameters.size()) throw new IllegalArgumentException("technique " + id + " declares a parameter twice");
    }

    public Optional<ParameterSpec> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }

    /** The tolerance the engine applies to a lossless step of this technique. */
    public double effectiveTolerance() {
        return Double.isNaN(tolerance) ? DEFAULT_TOLERANCE : tolerance;
    }
}
