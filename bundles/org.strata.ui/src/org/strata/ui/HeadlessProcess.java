package org.strata.ui;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.strata.cli.internal.Extensions;
import org.strata.onnx.StrataException;

/**
 * Builds the command line of the child process a run works in: the headless Strata application
 * ({@code org.strata.cli.app}, the same one {@code ./strata run} starts) in a fresh JVM with a fresh
 * Equinox, so that a hostile model, a technique that never returns or a native crash in ONNX Runtime
 * ends that process and not the workbench.
 *
 * <p>The child's framework holds the bundles this one holds (the workbench's own UI bundles left out), at
 * the locations they were installed from, in the product as in a test runtime. Technique bundles of the
 * extensions folder are not among them: the child's application loads them from the same folder (passed as
 * {@code -Dstrata.extensions}) as {@code ./strata} does. Its configuration area is a folder keyed by that
 * bundle list, reused by later runs (the embedded model is then extracted only once).
 */
public final class HeadlessProcess {
    /** The application the child runs. */
    public static final String APPLICATION = "org.strata.cli.app";
    private static final List<String> LEFT_OUT = List.of("org.strata.ui", "org.eclipse.swt", "org.eclipse.jface", "org.eclipse.e4.ui",
            "org.eclipse.tycho", "org.junit", "junit-", "org.opentest4j", "org.apiguardian");

    private final Path javaExe;
    private final Path framework;
    private Path launcher;
    private final List<String> bundles;
    private final Path configuration;

    private HeadlessProcess(Path java, Path framework, List<String> bundles, Path configuration) {
        this.javaExe = java;
        this.framework = framework;
        this.bundles = bundles;
        this.configuration = configuration;
    }

    /**
     * The child as this framework would start it now.
     *
     * @param stateFolder where configuration areas are kept (one per bundle set)
     * @throws StrataException when the framework's own jar or a bundle's file cannot be found
     */
    public static HeadlessProcess fromRunningFramework(Path stateFolder) {
        Bundle self = FrameworkUtil.getBundle(HeadlessProcess.class);
        if (self == null || self.getBundleContext() == null) throw new StrataException("the workbench is not running inside OSGi");
        BundleContext ctx = self.getBundleContext();
        Path osgi = frameworkJar(ctx);
        Path installArea = areaPath(ctx.getProperty("osgi.install.area"));
        List<String> entries = new ArrayList<>();
        Path launcherJar = null;
        for (Bundle b : ctx.getBundles()) {
            if (b.getBundleId() == 0 || b.getState() == Bundle.UNINSTALLED) continue;
            String name = b.getSymbolicName() == null ? "" : b.getSymbolicName();
            if (LEFT_OUT.stream().anyMatch(name::startsWith)) continue;
            if (name.endsWith(".tests")) continue;
            if (b.getLocation().startsWith(Extensions.LOCATION_PREFIX)) continue; // the child loads those itself
            Optional<Path> file = bundleFile(b.getLocation(), installArea);
            if (file.isEmpty()) continue;
            if (name.equals("org.eclipse.equinox.launcher")) launcherJar = file.get();
            String start = switch (name) {
                case "org.apache.felix.scr" -> "@1:start";
                case "org.eclipse.equinox.common" -> "@2:start";
                case "org.eclipse.core.runtime" -> "@start";
                // A bundle with components must be started for Felix SCR to see them (lazy ones are started by Equinox anyway).
                default -> b.getHeaders().get("Service-Component") != null && b.getHeaders().get("Fragment-Host") == null ? "@start" : "";
            };
            entries.add("reference:" + file.get().toUri() + start);
        }
        List<String> sorted = new ArrayList<>(new TreeSet<>(entries));
        Path config = stateFolder.resolve("child-" + digest(sorted));
        if (launcherJar == null) throw new StrataException("the Equinox launcher (org.eclipse.equinox.launcher) is not installed; a run needs it to start its process");
        HeadlessProcess h = new HeadlessProcess(currentJava(), osgi, sorted, config);
        h.launcher = launcherJar;
        return h;
    }

    /** The bundle locations the child starts with (for diagnostics and tests). */
    public List<String> bundles() {
        return bundles;
    }

    /**
     * The command for {@code strata <arguments>} in {@code workingDirectory}. Writes the configuration area
     * when it does not exist yet.
     */
    public List<String> command(List<String> arguments, Path workingDirectory, String maxHeap) throws IOException {
        writeConfiguration();
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExe.toString());
        cmd.add("-Xmx" + maxHeap);
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dstrata.cwd=" + workingDirectory);
        String home = System.getProperty("strata.home");
        if (home != null) cmd.add("-Dstrata.home=" + home);
        // The child loads technique bundles from the workbench's extensions folder (the headless application does at start).
        cmd.add("-Dstrata.extensions=" + Extensions.folder());
        // Equinox's launcher (as the product's ./strata uses it) ends the process with the application's exit code.
        cmd.add("-Dosgi.framework=file:" + framework);
        cmd.add("-cp");
        cmd.add(launcher.toString());
        cmd.add("org.eclipse.equinox.launcher.Main");
        cmd.add("-framework");
        cmd.add("file:" + framework);
        cmd.add("-install");
        cmd.add("file:" + configuration + "/");
        cmd.add("-configuration");
        cmd.add("file:" + configuration + "/");
        cmd.add("-nosplash");
        cmd.add("-data");
        cmd.add("@none");
        cmd.addAll(arguments);
        return cmd;
    }

    private void writeConfiguration() throws IOException {
        Path ini = configuration.resolve("config.ini");
        if (Files.isRegularFile(ini)) return;
        Files.createDirectories(configuration);
        StringBuilder b = new StringBuilder("# Written by the Strata workbench for its child processes\n");
        b.append("osgi.bundles=").append(String.join(",", bundles).replace(":", "\\:")).append('\n');
        b.append("osgi.bundles.defaultStartLevel=4\n");
        b.append("eclipse.application=").append(APPLICATION).append('\n');
        b.append("eclipse.ignoreApp=false\n");
        b.append("osgi.noShutdown=false\n");
        b.append("osgi.instance.area=@none\n");
        b.append("osgi.configuration.cascaded=false\n");
        b.append("eclipse.consoleLog=true\n");
        Path tmp = Files.createTempFile(configuration, "config", ".tmp");
        Files.writeString(tmp, b.toString(), StandardCharsets.UTF_8);
        Files.move(tmp, ini, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static Path currentJava() {
        Optional<String> cmd = ProcessHandle.current().info().command();
        if (cmd.isPresent() && Files.isExecutable(Path.of(cmd.get()))) return Path.of(cmd.get());
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    private static Path frameworkJar(BundleContext ctx) {
        String prop = ctx.getProperty("osgi.framework");
        if (prop != null) {
            Optional<Path> p = bundleFile(prop, areaPath(ctx.getProperty("osgi.install.area")));
            if (p.isPresent() && Files.isRegularFile(p.get())) return p.get();
        }
        try {
            Path p = Path.of(Bundle.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(p)) return p;
        } catch (Exception e) {
            // fall through to the error below
        }
        throw new StrataException("cannot find the OSGi framework's jar (osgi.framework=" + prop + ")");
    }

    private static Path areaPath(String area) {
        if (area == null) return null;
        try {
            return Path.of(URI.create(area.replace(" ", "%20")));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The file behind a bundle location such as {@code reference:file:plugins/x.jar} or {@code initial@reference:file:/a/x.jar}. */
    static Optional<Path> bundleFile(String location, Path installArea) {
        if (location == null) return Optional.empty();
        String l = location;
        int at = l.indexOf('@');
        if (l.startsWith("initial@")) l = l.substring("initial@".length());
        else if (at > 0 && !l.contains(":/") && !l.startsWith("reference:") && !l.startsWith("file:")) l = l.substring(at + 1);
        if (l.startsWith("reference:")) l = l.substring("reference:".length());
        if (!l.startsWith("file:")) return Optional.empty();
        String path = l.substring("file:".length());
        Path p;
        if (path.startsWith("/")) {
            try {
                p = Path.of(URI.create("file:" + path.replace(" ", "%20")));
            } catch (RuntimeException e) {
                p = Path.of(path);
            }
        } else {
            if (installArea == null) return Optional.empty();
            p = installArea.resolve(path);
        }
        p = p.toAbsolutePath().normalize();
        return Files.exists(p) ? Optional.of(p) : Optional.empty();
    }

    private static String digest(List<String> entries) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String e : entries) md.update((e + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest()).substring(0, 12).toLowerCase(Locale.ROOT);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "HeadlessProcess[" + bundles.size() + " bundles, " + configuration + "]";
    }
}
