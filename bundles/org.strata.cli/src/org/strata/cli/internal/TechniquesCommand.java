package org.strata.cli.internal;

import java.util.Set;

import org.strata.core.ParameterSpec;
import org.strata.core.Technique;
import org.strata.core.TechniqueDescriptor;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** {@code strata techniques}: every installed technique with its parameters, from the descriptors. */
final class TechniquesCommand implements Command {
    @Override
    public String name() {
        return "techniques";
    }

    @Override
    public String summary() {
        return "list the installed techniques with their parameters";
    }

    @Override
    public String usage() {
        return """
                Usage: ./strata techniques [ID] [--json]
                Lists every installed technique (third-party ones included) with its family, whether it is lossless,
                and its parameters (type, default, range or choices, help). With an ID, only that technique.""";
    }

    @Override
    public Set<String> valuedOptions() {
        return Set.of();
    }

    @Override
    public Set<String> flags() {
        return Set.of();
    }

    @Override
    public int run(Args args, Console c) {
        var registry = Services.registry();
        var list = args.positionals().isEmpty() ? registry.techniques()
                : args.positionals().stream().map(registry::require).toList();
        if (c.json) {
            JsonArray a = new JsonArray();
            for (Technique t : list) {
                TechniqueDescriptor d = t.descriptor();
                JsonObject o = new JsonObject();
                o.addProperty("id", d.id());
                o.addProperty("name", d.name());
                o.addProperty("family", d.family());
                o.addProperty("description", d.description());
                o.addProperty("lossless", d.lossless());
                JsonArray ps = new JsonArray();
                for (ParameterSpec p : d.parameters()) {
                    JsonObject j = new JsonObject();
                    j.addProperty("name", p.name());
                    j.addProperty("type", p.type().name().toLowerCase(java.util.Locale.ROOT));
                    j.addProperty("default", p.defaultValue() == null ? null : ParameterSpec.format(p.defaultValue()));
                    if (p.min() != null) j.addProperty("min", p.min());
                    if (p.max() != null) j.addProperty("max", p.max());
                    if (!p.choices().isEmpty()) j.add("choices", new com.google.gson.Gson().toJsonTree(p.choices()));
                    j.addProperty("help", p.help());
                    ps.add(j);
                }
                o.add("parameters", ps);
                a.add(o);
            }
            c.printJson(a);
            return 0;
        }
        for (Technique t : list) {
            TechniqueDescriptor d = t.descriptor();
            c.printf("%s  (%s, %s)%n  %s: %s%n", d.id(), d.family(), d.lossless() ? "lossless" : "lossy", d.name(), d.description());
            for (ParameterSpec p : d.parameters()) c.printf("    --%s%n", p.describe());
            c.println("");
        }
        if (list.isEmpty()) c.println("No techniques are installed.");
        return 0;
    }
}
