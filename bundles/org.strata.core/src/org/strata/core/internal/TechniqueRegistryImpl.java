package org.strata.core.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.strata.core.Technique;
import org.strata.core.TechniqueRegistry;

/** Binds every Technique service dynamically: a bundle installed or removed at run time adds or removes its techniques. */
@Component(service = TechniqueRegistry.class, immediate = true)
public final class TechniqueRegistryImpl implements TechniqueRegistry {
    private final List<Technique> bound = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, service = Technique.class)
    void bind(Technique t) {
        bound.add(t);
    }

    void unbind(Technique t) {
        bound.remove(t);
    }

    @Override
    public List<Technique> techniques() {
        return bound.stream().sorted(Comparator.comparing(t -> t.descriptor().id())).toList();
    }

    @Override
    public Optional<Technique> find(String id) {
        return bound.stream().filter(t -> t.descriptor().id().equals(id)).findFirst();
    }
}
