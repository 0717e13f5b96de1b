package org.strata.runtime;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.strata.runtime.internal.ResourceExtractor;

/**
 * The default model Strata works on out of the box, all-MiniLM-L6-v2 (a 6-layer, 384-wide sentence
 * embedding BERT), in fp32 and in the upstream int8 quantization. Both come as OSGi bundles holding the
 * ONNX file and its tokenizer as resources; ONNX Runtime wants a file, so they are extracted once into
 * this bundle's data area (or a temporary folder when the framework has none) and reused afterwards.
 *
 * <p>Outside an OSGi framework (plain Java, e.g. a quick experiment) the resources are looked up on the
 * class path instead.
 *
 * <pre>{@code
 * EmbeddedModel model = EmbeddedModels.fp32();
 * try (OrtSession session = OrtSessions.open(model.model(), SessionSettings.defaults())) { ... }
 * }</pre>
 */
public final class EmbeddedModels {
    /** Symbolic name of the bundle with the fp32 model. */
    public static final String FP32_BUNDLE = "dev.langchain4j.embeddings.all.minilm.l6.v2";
    /** Symbolic name of the bundle with the int8 model (ONNX Runtime dynamic quantization). */
    public static final String INT8_BUNDLE = "dev.langchain4j.embeddings.all.minilm.l6.v2.q";

    private EmbeddedModels() {}

    /**
     * all-MiniLM-L6-v2 in fp32 (90 MB): the reference model of the examples.
     *
     * @throws EmbeddedModelException if its bundle is not installed or extraction fails
     */
    public static EmbeddedModel fp32() {
        return fromBundle(FP32_BUNDLE, "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json",
                "all-MiniLM-L6-v2 (fp32)");
    }

    /**
     * all-MiniLM-L6-v2 quantized to int8 upstream (ONNX Runtime {@code quantize_dynamic}, 23 MB).
     *
     * @throws EmbeddedModelException if its bundle is not installed or extraction fails
     */
    public static EmbeddedModel int8() {
        return fromBundle(INT8_BUNDLE, "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json",
                "all-MiniLM-L6-v2 (int8)");
    }

    /**
     * Any model shipped the same way: a bundle holding an ONNX file and its {@code tokenizer.json} as
     * resources. The highest installed version of the bundle is used.
     *
     * @throws EmbeddedModelException if the bundle is not installed, lacks a resource, or extraction fails
     */
    public static EmbeddedModel fromBundle(String symbolicName, String modelResource, String tokenizerResource,
            String name) {
        Bundle self = FrameworkUtil.getBundle(EmbeddedModels.class);
        if (self == null) {
            Path cache = ResourceExtractor.temporaryCache().resolve(symbolicName);
            return new EmbeddedModel(name, fromClassPath(modelResource, cache, name, symbolicName),
                    fromClassPath(tokenizerResource, cache, name, symbolicName));
        }
        BundleContext context = self.getBundleContext();
        Bundle holder = findBundle(context != null ? context : self.adapt(BundleContext.class), symbolicName)
                .orElseThrow(() -> new EmbeddedModelException("The model " + name + " is not available: the bundle "
                        + symbolicName + " is not installed. Install the Strata runtime feature"
                        + " (org.strata.feature.runtime), which contains it, or name a model file instead."));
        Path cache = cacheFolder(context).resolve(symbolicName + "_" + holder.getVersion());
        return new EmbeddedModel(name, fromBundle(holder, modelResource, cache, name),
                fromBundle(holder, tokenizerResource, cache, name));
    }

    private static Optional<Bundle> findBundle(BundleContext context, String symbolicName) {
        if (context == null) {
            return Optional.empty();
        }
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName()))
                .filter(b -> b.getState() != Bundle.UNINSTALLED).max(Comparator.comparing(Bundle::getVersion));
    }

    private static Path cacheFolder(BundleContext context) {
        var dataArea = context == null ? null : context.getDataFile("models");
        return dataArea != null ? dataArea.toPath() : ResourceExtractor.temporaryCache();
    }

    private static Path fromBundle(Bundle holder, String resource, Path cache, String name) {
        URL url = holder.getEntry(resource);
        if (url == null) {
            throw new EmbeddedModelException("The model " + name + " is not available: the bundle "
                    + holder.getSymbolicName() + " " + holder.getVersion() + " has no resource " + resource
                    + ". The bundle is damaged or a different version; reinstall the Strata runtime feature.");
        }
        return extract(url, cache, resource, name);
    }

    private static Path fromClassPath(String resource, Path cache, String name, String symbolicName) {
        URL url = EmbeddedModels.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new EmbeddedModelException("The model " + name + " is not available: there is no OSGi framework"
                    + " and no " + resource + " on the class path. Put the jar of " + symbolicName
                    + " on the class path, or name a model file instead.");
        }
        return extract(url, cache, resource, name);
    }

    private static Path extract(URL url, Path cache, String resource, String name) {
        try {
            return ResourceExtractor.extract(url, cache.resolve(resource));
        } catch (IOException e) {
            throw new EmbeddedModelException("Could not extract " + resource + " of the model " + name + " to "
                    + cache + ": " + e.getMessage() + ". Check free disk space and write permission there.", e);
        }
    }
}
