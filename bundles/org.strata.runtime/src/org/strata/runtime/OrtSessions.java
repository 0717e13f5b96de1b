package org.strata.runtime;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import ai.onnxruntime.OnnxTensorLike;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.OrtSession.SessionOptions;
import ai.onnxruntime.OrtSession.SessionOptions.ExecutionMode;

/**
 * Opens ONNX Runtime sessions with {@link SessionSettings}, from bytes (a graph Strata just wrote in
 * memory) or from a file (large models, and models with external data next to them, which ONNX Runtime
 * then maps itself). Failures become an {@link OnnxRuntimeException} that names the model.
 *
 * <p>The caller owns the returned session and must close it.
 */
public final class OrtSessions {
    private OrtSessions() {}

    /**
     * @param model the serialized ONNX model
     * @param name  what to call the model in messages (a file name, "candidate after step 3", …)
     * @throws OnnxRuntimeException if ONNX Runtime cannot load the model
     */
    public static OrtSession open(byte[] model, String name, SessionSettings settings) {
        try (SessionOptions options = options(settings)) {
            return OrtEnvironment.getEnvironment().createSession(model, options);
        } catch (OrtException e) {
            throw loadFailure(name, e);
        }
    }

    /**
     * A session over a graph held in memory (a candidate after a step, say). Models that fit one protobuf
     * are handed over as bytes; larger ones are written with external data to a temporary folder first.
     *
     * @param name what to call the model in messages
     * @throws OnnxRuntimeException if ONNX Runtime cannot load the model
     */
    public static OrtSession open(org.strata.onnx.Model model, String name, SessionSettings settings) {
        if (model.initializerBytes() < (1L << 30)) return open(org.strata.onnx.ModelWriter.toBytes(model), name, settings);
        try {
            Path dir = Files.createTempDirectory("strata-session");
            dir.toFile().deleteOnExit();
            Path file = dir.resolve("model.onnx");
            org.strata.onnx.ModelWriter.write(model, file, org.strata.onnx.WriteOptions.external("model.onnx.data"));
            file.toFile().deleteOnExit();
            file.resolveSibling("model.onnx.data").toFile().deleteOnExit();
            return open(file, settings);
        } catch (java.io.IOException e) {
            throw new OnnxRuntimeException("could not stage " + name + " for ONNX Runtime: " + e.getMessage(), e);
        }
    }

    /**
     * @throws OnnxRuntimeException if the file is missing or ONNX Runtime cannot load it
     */
    public static OrtSession open(Path model, SessionSettings settings) {
        if (!Files.isRegularFile(model)) {
            throw new OnnxRuntimeException("ONNX Runtime could not load model " + model
                    + ": there is no such file. Check the path.", null);
        }
        try (SessionOptions options = options(settings)) {
            return OrtEnvironment.getEnvironment().createSession(model.toString(), options);
        } catch (OrtException e) {
            throw loadFailure(model.toString(), e);
        }
    }

    private static SessionOptions options(SessionSettings settings) throws OrtException {
        SessionOptions options = new SessionOptions();
        try {
            options.setIntraOpNumThreads(settings.intraOpThreads());
            options.setInterOpNumThreads(settings.interOpThreads());
            options.setOptimizationLevel(settings.optimizationLevel());
            options.setExecutionMode(settings.sequential() ? ExecutionMode.SEQUENTIAL : ExecutionMode.PARALLEL);
            return options;
        } catch (OrtException e) {
            options.close();
            throw e;
        }
    }

    private static OnnxRuntimeException loadFailure(String name, OrtException e) {
        return new OnnxRuntimeException("ONNX Runtime could not load model " + name + ": " + e.getMessage()
                + ". Check that the file is a complete ONNX model (with its external data beside it) and that"
                + " it uses only operators ONNX Runtime " + OrtEnvironment.getEnvironment().getVersion()
                + " supports.", e);
    }

    /**
     * Runs a session, turning an {@link OrtException} into an {@link OnnxRuntimeException} that names the
     * model. The caller closes the result.
     */
    public static OrtSession.Result run(OrtSession session, String name,
            Map<String, ? extends OnnxTensorLike> feed) {
        try {
            return session.run(feed);
        } catch (OrtException e) {
            throw new OnnxRuntimeException("ONNX Runtime could not run model " + name + ": " + e.getMessage()
                    + ". Inputs given: " + feed.keySet() + ".", e);
        }
    }
}
