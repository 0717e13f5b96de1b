package org.strata.core;

import java.util.List;
import java.util.Optional;

/**
 * Every {@link Technique} service currently registered, kept up to date as bundles come and go. Obtain it
 * as an OSGi service (or {@code TechniqueRegistry.get()} outside DS-managed code).
 */
public interface TechniqueRegistry {
    /** All techniques, sorted by id. A snapshot: later installs do not change the returned list. */
    List<Technique> techniques();

    /** The technique with this id, if one is registered now. */
    Optional<Technique> find(String id);

    /**
     * @throws TechniqueException naming the id and the ids that do exist, when none has it
     */
    default Technique require(String id) {
        return find(id).orElseThrow(() -> new TechniqueException("no technique '" + id + "' is installed; installed: "
                + techniques().stream().map(t -> t.descriptor().id()).toList()));
    }
}
