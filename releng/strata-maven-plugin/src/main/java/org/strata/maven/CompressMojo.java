package org.strata.maven;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Compresses an ONNX model with a Strata pipeline: resolves Strata's headless product (a Maven artifact of the same
 * version as this plugin), unpacks it under {@code target/strata-engine}, and runs
 * {@code strata run PIPELINE --model MODEL --out OUTPUT} with a JDK 21 or newer. The output folder gets
 * {@code model.onnx}, {@code tokenizer.json}, {@code run-record.xmi}, {@code report.json} and {@code report.html}.
 *
 * <p>The build fails (BUILD FAILURE, a {@link MojoFailureException}) when a step fails, an input is refused, or the
 * pipeline's goal is not met (unless {@code strata.failOnGoal=false}); it errors (a {@link MojoExecutionException})
 * when the engine cannot be resolved or started. The report is attached to the project (classifier
 * {@code strata-report}, types {@code html} and {@code json}).
 */
@Mojo(name = "compress", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class CompressMojo extends AbstractMojo {
    /** The model to compress: an {@code .onnx} file (external data beside it is read), or {@code minilm} for the embedded one. */
    @Parameter(property = "strata.model", required = true)
    private String model;

    /** The pipeline file ({@code *.strata}). */
    @Parameter(property = "strata.pipeline", required = true)
    private File pipeline;

    /** Where the compressed model, run record and reports go; refused when it holds files Strata did not write. */
    @Parameter(property = "strata.outputDirectory", defaultValue = "${project.build.directory}/strata")
    private File outputDirectory;

    /** Skip this goal. */
    @Parameter(property = "strata.skip", defaultValue = "false")
    private boolean skip;

    /** Fail the build when the pipeline's goal is not met (otherwise a warning). */
    @Parameter(property = "strata.failOnGoal", defaultValue = "true")
    private boolean failOnGoal;

    /** Attach {@code report.html} and {@code report.json} to the project. */
    @Parameter(property = "strata.attach", defaultValue = "true")
    private boolean attach;

    /** Classifier of the attached report. */
    @Parameter(property = "strata.classifier", defaultValue = "strata-report")
    private String classifier;

    /** Technique bundles (jars) to load into the engine for this run, e.g. one this build just made. */
    @Parameter(property = "strata.extensions")
    private List<File> extensions;

    /** A JDK 21+ for the engine; default: the JVM Maven runs on, when it is 21 or newer. */
    @Parameter(property = "strata.javaHome")
    private File javaHome;

    /** Maximum heap of the engine. */
    @Parameter(property = "strata.heap", defaultValue = "4g")
    private String heap;

    /** ONNX Runtime intra-op threads for the measurements (default: the pipeline's). */
    @Parameter(property = "strata.threads")
    private Integer threads;

    /** Sequence lengths to time, comma-separated (default: the pipeline's). */
    @Parameter(property = "strata.sequenceLengths")
    private String sequenceLengths;

    /** Interleaved timing rounds per sequence length (default: the pipeline's). */
    @Parameter(property = "strata.rounds")
    private Integer rounds;

    /** Evaluation texts used for fidelity (default: the pipeline's, else all). */
    @Parameter(property = "strata.texts")
    private Integer texts;

    /** Your texts (one per line, or JSON lines with "text"), split into calibration and evaluation parts. */
    @Parameter(property = "strata.data")
    private File data;

    /** The engine run is stopped after this many seconds. */
    @Parameter(property = "strata.timeout", defaultValue = "3600")
    private int timeoutSeconds;

    /** Version of Strata's headless product to run; default: this plugin's version. */
    @Parameter(property = "strata.engineVersion", defaultValue = "${plugin.version}")
    private String engineVersion;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution execution;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    private RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true, required = true)
    private List<RemoteRepository> remoteRepositories;

    @Component
    private RepositorySystem repositorySystem;

    @Component
    private MavenProjectHelper projectHelper;

    static final String ENGINE_GROUP = "org.strata";
    static final String ENGINE_ARTIFACT = "org.strata.repository";
    static final String ENGINE_CLASSIFIER = "cli-linux.gtk.x86_64";

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping Strata compression (strata.skip=true)");
            return;
        }
        Path base = project.getBasedir().toPath();
        String modelArg = checkModel(base);
        Path pipelineFile = checkFile(pipeline, "strata.pipeline", "pipeline");
        Path dataFile = data == null ? null : checkFile(data, "strata.data", "data");
        Path out = outputDirectory.toPath().toAbsolutePath().normalize();
        Path java;
        try {
            java = JavaHomes.choose(javaHome == null ? null : javaHome.toPath(), Path.of(System.getProperty("java.home")), Runtime.version().feature());
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(e.getMessage());
        }
        Path work = Path.of(project.getBuild().getDirectory(), "strata-engine");
        EngineInstall engine = engine(work);
        Path extensionFolder = stageExtensions(work.resolve("extensions").resolve(execution.getExecutionId()));

        List<String> cmd = new ArrayList<>(List.of(java.toString(), "-Xmx" + heap, "--enable-native-access=ALL-UNNAMED",
                "-Dstrata.cwd=" + base, "-Dstrata.home=" + engine.home, "-Dstrata.extensions=" + extensionFolder,
                "-jar", engine.launcher.toString(), "-nosplash", "-data", "@none",
                "run", pipelineFile.toString(), "--model", modelArg, "--out", out.toString()));
        if (threads != null) cmd.addAll(List.of("--threads", threads.toString()));
        if (sequenceLengths != null && !sequenceLengths.isBlank()) cmd.addAll(List.of("--seq", sequenceLengths.strip()));
        if (rounds != null) cmd.addAll(List.of("--rounds", rounds.toString()));
        if (texts != null) cmd.addAll(List.of("--texts", texts.toString()));
        if (dataFile != null) cmd.addAll(List.of("--data", dataFile.toString()));

        getLog().info("Strata: " + base.relativize(pipelineFile) + " on " + modelArg + " -> " + out);
        getLog().debug("Strata command: " + String.join(" ", cmd));
        int exit = runEngine(cmd, base);
        RunOutcome outcome;
        try {
            outcome = RunOutcome.of(exit, out.resolve("report.json"), lastError.get());
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("Strata's report " + out.resolve("report.json") + " cannot be read: " + e.getMessage(), e);
        }
        if (attach) attachReports(out);
        Path html = out.resolve("report.html");
        switch (outcome.kind()) {
            case SUCCESS -> getLog().info("Strata: goal met (" + outcome.message() + "); model " + out.resolve("model.onnx") + ", report " + html);
            case GOAL_NOT_MET -> {
                String msg = "Strata: the pipeline's goal was not met: " + outcome.message() + " (report: " + html + ")";
                if (failOnGoal) throw new MojoFailureException(msg + ". Set -Dstrata.failOnGoal=false to keep the build going.");
                getLog().warn(msg);
            }
            case FAILED -> throw new MojoFailureException("Strata: " + outcome.message() + (Files.isRegularFile(html) ? " (report: " + html + ")" : ""));
            case ERROR -> throw new MojoExecutionException(outcome.message());
        }
    }

    private final AtomicReference<String> lastError = new AtomicReference<>("");

    private String checkModel(Path base) throws MojoFailureException {
        if (model == null || model.isBlank()) throw new MojoFailureException("strata.model is empty: name an .onnx file (or 'minilm')");
        String m = model.strip();
        if (m.equals("minilm") || m.equals("minilm-int8")) return m;
        Path p = base.resolve(m).toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) throw new MojoFailureException("strata.model " + p + " does not exist (an .onnx file, or 'minilm')");
        return p.toString();
    }

    private static Path checkFile(File f, String property, String what) throws MojoFailureException {
        Path p = f.toPath().toAbsolutePath().normalize();
        if (!Files.isRegularFile(p)) throw new MojoFailureException(property + ": the " + what + " file " + p + " does not exist");
        return p;
    }

    private EngineInstall engine(Path work) throws MojoExecutionException {
        ArtifactRequest request = new ArtifactRequest(new DefaultArtifact(ENGINE_GROUP, ENGINE_ARTIFACT, ENGINE_CLASSIFIER, "zip", engineVersion),
                remoteRepositories, null);
        Path zip;
        try {
            zip = repositorySystem.resolveArtifact(repositorySession, request).getArtifact().getFile().toPath();
        } catch (ArtifactResolutionException e) {
            throw new MojoExecutionException("Strata's engine " + ENGINE_GROUP + ":" + ENGINE_ARTIFACT + ":zip:" + ENGINE_CLASSIFIER + ":" + engineVersion
                    + " cannot be resolved (build and install Strata with `./mvnw install`, or set strata.engineVersion): " + e.getMessage(), e);
        }
        try {
            return EngineInstall.unpack(zip, work.resolve("product"));
        } catch (IOException e) {
            throw new MojoExecutionException("cannot unpack Strata's engine " + zip + ": " + e.getMessage(), e);
        }
    }

    /** Copies the configured extension jars into a folder of their own that the engine loads at start. */
    private Path stageExtensions(Path folder) throws MojoExecutionException, MojoFailureException {
        try {
            EngineInstall.deleteTree(folder);
            Files.createDirectories(folder);
            if (extensions != null) {
                for (File f : extensions) {
                    Path jar = project.getBasedir().toPath().resolve(f.toPath()).toAbsolutePath().normalize();
                    if (!Files.isRegularFile(jar)) throw new MojoFailureException("strata.extensions: " + jar + " does not exist");
                    Files.copy(jar, folder.resolve(jar.getFileName()));
                }
            }
            return folder;
        } catch (IOException e) {
            throw new MojoExecutionException("cannot prepare the engine's extensions folder " + folder + ": " + e.getMessage(), e);
        }
    }

    private int runEngine(List<String> cmd, Path base) throws MojoExecutionException {
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(base.toFile()).start();
        } catch (IOException e) {
            throw new MojoExecutionException("cannot start Strata's engine (" + cmd.get(0) + "): " + e.getMessage(), e);
        }
        try {
            p.getOutputStream().close();
        } catch (IOException ignored) {
            // the engine reads no input
        }
        Thread o = pump(p.getInputStream(), line -> getLog().info(line));
        Thread e = pump(p.getErrorStream(), line -> {
            if (!line.isBlank()) lastError.set(line);
            if (line.startsWith("strata: extension skipped")) getLog().warn(line);
            else getLog().info(line);
        });
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new MojoExecutionException("Strata's engine did not finish within strata.timeout=" + timeoutSeconds + " s; it was stopped");
            }
            o.join();
            e.join();
            return p.exitValue();
        } catch (InterruptedException ex) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("interrupted while Strata's engine was running", ex);
        }
    }

    private static Thread pump(InputStream in, Consumer<String> sink) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null;) sink.accept(line);
            } catch (IOException ignored) {
                // the process ended; nothing more to read
            }
        }, "strata-engine-output");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void attachReports(Path out) {
        for (String type : List.of("html", "json")) {
            Path f = out.resolve("report." + type);
            if (Files.isRegularFile(f)) projectHelper.attachArtifact(project, type, classifier, f.toFile());
        }
    }
}
