package org.strata.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import javax.xml.parsers.DocumentBuilderFactory;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.strata.core.Technique;
import org.strata.onnx.StrataException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The extensions folder: technique bundles installed with {@code strata install}, loaded into the framework at
 * every start. p2's simpleconfigurator installs only what its {@code bundles.info} lists (and in its default,
 * exclusive mode uninstalls anything else), so a jar dropped into {@code plugins/} would be ignored; this folder
 * is Strata's own, scanned by {@link StrataApplication} before a command runs.
 *
 * <p>Where it is: {@code -Dstrata.extensions=DIR} (the {@code strata} script passes {@code $STRATA_EXTENSIONS}),
 * else {@code <strata.home>/extensions}, else {@code ~/.strata/extensions}. Each extension is one jar named after
 * its symbolic name ({@code <symbolic-name>.jar}); its framework location is {@link #LOCATION_PREFIX} + the jar's
 * path, so a bundle that came from here is told apart from the product's own.
 *
 * <p>Public for the workbench (org.strata.ui), whose "Install technique bundle" uses the same folder and rules, so
 * that a bundle installed there is loaded at every start of the workbench and of the runs it starts.
 */
public final class Extensions {
    public static final String LOCATION_PREFIX = "strata-extension:";
    private static final String TECHNIQUE = Technique.class.getName();
    private static final long SERVICE_WAIT_MS = 10_000;

    /** What a jar's manifest and component descriptions say, read without installing it. */
    public record Info(Path jar, String symbolicName, String version, List<String> techniqueComponents) {
    }

    /** An extension active in the running framework, with the ids of the techniques it registered. */
    public record Loaded(Info info, Bundle bundle, List<String> techniqueIds) {
    }

    private Extensions() {
    }

    public static Path folder() {
        String dir = System.getProperty("strata.extensions");
        if (dir != null && !dir.isBlank()) return Path.of(dir).toAbsolutePath().normalize();
        String home = System.getProperty("strata.home");
        if (home != null && !home.isBlank()) return Path.of(home, "extensions").toAbsolutePath().normalize();
        return Path.of(System.getProperty("user.home"), ".strata", "extensions");
    }

    /** The jars in {@code folder}, sorted by name; none when the folder does not exist. */
    public static List<Path> jars(Path folder) {
        if (!Files.isDirectory(folder)) return List.of();
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder, "*.jar")) {
            for (Path p : s) if (Files.isRegularFile(p)) out.add(p);
        } catch (IOException e) {
            throw new StrataException("cannot list the extensions folder " + folder + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(Path::toString));
        return out;
    }

    /**
     * Reads a jar's bundle identity and the components in it that provide {@link Technique}.
     *
     * @throws StrataException naming the jar when it is not a readable jar, not an OSGi bundle, or has no technique
     *                         component
     */
    public static Info inspect(Path jar) {
        if (!Files.isRegularFile(jar)) throw new StrataException(jar + ": no such file");
        try (JarFile j = new JarFile(jar.toFile())) {
            Manifest mf = j.getManifest();
            String bsn = mf == null ? null : mf.getMainAttributes().getValue(Constants.BUNDLE_SYMBOLICNAME);
            if (bsn == null || bsn.isBlank()) {
                throw new StrataException(jar + " is not an OSGi bundle: its manifest has no Bundle-SymbolicName");
            }
            bsn = bsn.split(";")[0].strip();
            if (!bsn.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*")) throw new StrataException(jar + ": Bundle-SymbolicName '" + bsn + "' is not valid");
            String version = Optional.ofNullable(mf.getMainAttributes().getValue(Constants.BUNDLE_VERSION)).orElse("0.0.0").strip();
            String header = mf.getMainAttributes().getValue("Service-Component");
            if (header == null || header.isBlank()) {
                throw new StrataException(jar + " (" + bsn + ") declares no Declarative Services component (no Service-Component header);"
                        + " a technique is a class annotated @Component(service = Technique.class)");
            }
            List<String> techniques = new ArrayList<>();
            for (String entry : componentEntries(j, header)) techniques.addAll(techniqueComponents(j, entry, jar));
            if (techniques.isEmpty()) {
                throw new StrataException(jar + " (" + bsn + ") has no component that provides " + TECHNIQUE
                        + " (its components are listed in Service-Component: " + header.strip() + ")");
            }
            return new Info(jar, bsn, version, List.copyOf(techniques));
        } catch (IOException e) {
            throw new StrataException(jar + " is not a readable jar: " + e.getMessage(), e);
        }
    }

    /** Service-Component entries, with the wildcards DS allows in the last path segment expanded. */
    private static Set<String> componentEntries(JarFile j, String header) {
        Set<String> out = new LinkedHashSet<>();
        for (String raw : header.split(",")) {
            String path = raw.split(";")[0].strip();
            if (path.isEmpty()) continue;
            if (path.contains("*")) {
                Pattern p = Pattern.compile(Pattern.quote(path).replace("*", "\\E[^/]*\\Q"));
                j.stream().map(ZipEntry::getName).filter(n -> p.matcher(n).matches()).sorted().forEach(out::add);
            } else {
                out.add(path);
            }
        }
        return out;
    }

    private static List<String> techniqueComponents(JarFile j, String entry, Path jar) throws IOException {
        ZipEntry e = j.getEntry(entry);
        if (e == null) throw new StrataException(jar + ": Service-Component names " + entry + ", which the jar does not contain");
        Document doc;
        try (InputStream in = j.getInputStream(e)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            doc = f.newDocumentBuilder().parse(in);
        } catch (IOException ex) {
            throw ex;
        } catch (Exception ex) {
            throw new StrataException(jar + ": component description " + entry + " is not valid XML: " + ex.getMessage(), ex);
        }
        List<String> out = new ArrayList<>();
        NodeList components = doc.getElementsByTagNameNS("*", "component");
        if (components.getLength() == 0) components = doc.getElementsByTagName("component");
        for (int i = 0; i < components.getLength(); i++) {
            Element c = (Element) components.item(i);
            NodeList provides = c.getElementsByTagName("provide");
            for (int k = 0; k < provides.getLength(); k++) {
                if (TECHNIQUE.equals(((Element) provides.item(k)).getAttribute("interface"))) {
                    out.add(c.getAttribute("name").isEmpty() ? entry : c.getAttribute("name"));
                    break;
                }
            }
        }
        return out;
    }

    public static String location(Path jar) {
        return LOCATION_PREFIX + jar.toAbsolutePath().normalize();
    }

    /** The bundle a jar of the extensions folder is installed as, if it is. */
    public static Optional<Bundle> installed(BundleContext ctx, Path jar) {
        return Optional.ofNullable(ctx.getBundle(location(jar)));
    }

    /**
     * Installs (or updates) and starts the bundle in {@code jar}, then waits until it has registered its technique
     * services.
     *
     * @throws StrataException with the framework's reason (a missing package, a bad manifest) or when the bundle
     *                         registered no technique; the bundle is uninstalled again in that case
     */
    public static Loaded activate(BundleContext ctx, Info info, String location) {
        Bundle b = ctx.getBundle(location);
        boolean fresh = b == null;
        try {
            try (InputStream in = Files.newInputStream(info.jar())) {
                if (fresh) {
                    b = ctx.installBundle(location, in);
                } else {
                    b.update(in);
                }
            }
            b.start();
            List<String> ids = waitForTechniques(b, info.techniqueComponents().size());
            if (ids.isEmpty()) {
                throw new StrataException(info.symbolicName() + " started but registered no " + TECHNIQUE + " service within "
                        + SERVICE_WAIT_MS / 1000 + " s (is Felix SCR running, and does the component's class load?)");
            }
            return new Loaded(info, b, ids);
        } catch (BundleException | IOException | RuntimeException e) {
            if (b != null) {
                try {
                    b.uninstall();
                } catch (BundleException | IllegalStateException ignored) {
                    // already gone: nothing left to undo
                }
            }
            if (e instanceof StrataException se) throw se;
            throw new StrataException(info.jar().getFileName() + " (" + info.symbolicName() + " " + info.version() + ") cannot be started: "
                    + oneLine(e.getMessage()), e);
        }
    }

    private static List<String> waitForTechniques(Bundle b, int expected) {
        long end = System.nanoTime() + SERVICE_WAIT_MS * 1_000_000;
        List<String> ids = List.of();
        while (System.nanoTime() < end) {
            ids = techniqueIds(b);
            if (ids.size() >= expected) return ids;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return ids;
    }

    /** Ids of the techniques {@code b} registers now (the service objects are obtained and released). */
    public static List<String> techniqueIds(Bundle b) {
        ServiceReference<?>[] refs = b.getRegisteredServices();
        if (refs == null) return List.of();
        BundleContext own = org.osgi.framework.FrameworkUtil.getBundle(Extensions.class).getBundleContext();
        List<String> ids = new ArrayList<>();
        for (ServiceReference<?> r : refs) {
            String[] classes = (String[]) r.getProperty(Constants.OBJECTCLASS);
            if (classes == null || !List.of(classes).contains(TECHNIQUE)) continue;
            Object s = own.getService(r);
            try {
                if (s instanceof Technique t) ids.add(t.descriptor().id());
            } finally {
                if (s != null) own.ungetService(r);
            }
        }
        ids.sort(null);
        return ids;
    }

    /**
     * Loads every jar of the extensions folder into the running framework (at start-up), and uninstalls bundles that
     * came from the folder but whose jar is gone. A jar that cannot be loaded is reported on {@code err} and skipped:
     * one broken extension does not stop Strata.
     */
    public static List<Loaded> loadAll(BundleContext ctx, Path folder, PrintStream err) {
        List<Path> jars;
        try {
            jars = jars(folder);
        } catch (StrataException e) {
            err.println("strata: " + e.getMessage());
            return List.of();
        }
        Set<String> wanted = new LinkedHashSet<>();
        for (Path p : jars) wanted.add(location(p));
        for (Bundle b : ctx.getBundles()) {
            if (b.getLocation().startsWith(LOCATION_PREFIX) && !wanted.contains(b.getLocation())) {
                try {
                    b.uninstall();
                } catch (BundleException e) {
                    err.println("strata: could not unload removed extension " + b.getSymbolicName() + ": " + oneLine(e.getMessage()));
                }
            }
        }
        List<Loaded> loaded = new ArrayList<>();
        for (Path jar : jars) {
            try {
                loaded.add(activate(ctx, inspect(jar), location(jar)));
            } catch (StrataException e) {
                err.println("strata: extension skipped: " + oneLine(e.getMessage()) + " (remove it with ./strata uninstall)");
            }
        }
        return loaded;
    }

    /** The extension jar in {@code folder} whose symbolic name or file name is {@code name}. */
    public static Optional<Info> find(Path folder, String name) {
        for (Path jar : jars(folder)) {
            if (jar.getFileName().toString().equals(name)) return Optional.of(inspectLeniently(jar));
            Info i = inspectLeniently(jar);
            if (name.equals(i.symbolicName())) return Optional.of(i);
        }
        return Optional.empty();
    }

    /** Like {@link #inspect}, but a broken jar is still listed (under its file name) so that it can be removed. */
    public static Info inspectLeniently(Path jar) {
        try {
            return inspect(jar);
        } catch (StrataException e) {
            String n = jar.getFileName().toString();
            return new Info(jar, n.toLowerCase(Locale.ROOT).endsWith(".jar") ? n.substring(0, n.length() - 4) : n, "?", List.of());
        }
    }

    /** What {@link #install} did: the bundle loaded, the jar in the folder, and the version it replaced if any. */
    public record Installed(Loaded loaded, Path jar, Optional<String> replaced) {
    }

    /**
     * Installs the technique bundle in {@code source}: checks it ({@link #inspect}), refuses a bundle of Strata itself,
     * loads it into the framework of {@code ctx} to prove it resolves and registers its techniques, refuses technique ids
     * another bundle already provides, then copies it into {@code folder} as {@code <symbolic-name>.jar}, replacing an
     * earlier build of the same bundle.
     *
     * @throws StrataException saying what is wrong; nothing is left installed or copied in that case
     */
    public static Installed install(BundleContext ctx, Path folder, Path source) {
        Info info = inspect(source);
        for (Bundle b : ctx.getBundles()) {
            if (info.symbolicName().equals(b.getSymbolicName()) && !b.getLocation().startsWith(LOCATION_PREFIX)) {
                throw new StrataException(source + " is " + info.symbolicName() + ", a bundle of Strata itself; only new bundles can be installed");
            }
        }
        Optional<Info> previous = find(folder, info.symbolicName());
        Path target = folder.resolve(info.symbolicName() + ".jar");
        if (previous.isPresent() && !previous.get().jar().equals(target)) {
            // installed earlier under another file name: unload it so the new build does not meet the old one
            installed(ctx, previous.get().jar()).ifPresent(Extensions::uninstallQuietly);
        }
        Loaded loaded = activate(ctx, info, location(target));
        List<String> clashes = clashes(ctx, loaded);
        if (!clashes.isEmpty()) {
            uninstallQuietly(loaded.bundle());
            throw new StrataException(info.symbolicName() + " was not installed: " + String.join("; ", clashes));
        }
        if (!source.toAbsolutePath().normalize().equals(target)) copyInto(folder, source, target.getFileName().toString());
        if (previous.isPresent() && !previous.get().jar().equals(target)) {
            try {
                Files.deleteIfExists(previous.get().jar());
            } catch (IOException e) {
                throw new StrataException("installed " + target + " but could not remove the earlier " + previous.get().jar() + ": " + e.getMessage(), e);
            }
        }
        return new Installed(loaded, target, previous.map(Info::version));
    }

    /** Technique ids the new bundle registers that another bundle registers too. */
    private static List<String> clashes(BundleContext ctx, Loaded loaded) {
        List<String> out = new ArrayList<>();
        try {
            for (ServiceReference<Technique> r : ctx.getServiceReferences(Technique.class, null)) {
                if (r.getBundle() == null || r.getBundle().equals(loaded.bundle())) continue;
                Technique t = ctx.getService(r);
                try {
                    if (t != null && loaded.techniqueIds().contains(t.descriptor().id())) {
                        out.add("technique id " + t.descriptor().id() + " is already provided by " + r.getBundle().getSymbolicName());
                    }
                } finally {
                    if (t != null) ctx.ungetService(r);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** What {@link #uninstall} removed: the extension and the technique ids that went with it. */
    public record Removed(Info info, List<String> techniqueIds) {
    }

    /**
     * Unloads the extension whose symbolic name or file name is {@code name} from the framework of {@code ctx} and
     * deletes its jar from {@code folder}.
     *
     * @throws StrataException when no such extension is installed or it cannot be unloaded or deleted
     */
    public static Removed uninstall(BundleContext ctx, Path folder, String name) {
        Info info = find(folder, name).orElseThrow(() -> new StrataException("no extension '" + name + "' is installed in "
                + folder + "; installed: " + jars(folder).stream().map(j -> inspectLeniently(j).symbolicName()).toList()));
        List<String> ids = List.of();
        Bundle b = installed(ctx, info.jar()).orElse(null);
        if (b != null) {
            ids = techniqueIds(b);
            try {
                b.uninstall();
            } catch (BundleException e) {
                throw new StrataException("could not unload " + info.symbolicName() + ": " + oneLine(e.getMessage()), e);
            }
        }
        try {
            Files.delete(info.jar());
        } catch (IOException e) {
            throw new StrataException("could not delete " + info.jar() + ": " + e.getMessage(), e);
        }
        return new Removed(info, ids);
    }

    static void uninstallQuietly(Bundle b) {
        try {
            b.uninstall();
        } catch (BundleException | IllegalStateException ignored) {
            // already gone
        }
    }

    /** Copies {@code source} into the folder as {@code name}, through a temporary file so no half-copied jar is ever scanned. */
    public static Path copyInto(Path folder, Path source, String name) {
        try {
            Files.createDirectories(folder);
            Path target = folder.resolve(name);
            Path tmp = Files.createTempFile(folder, ".install-", ".tmp");
            try {
                Files.copy(source, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return target;
        } catch (IOException e) {
            throw new StrataException("cannot copy " + source + " into the extensions folder " + folder + ": " + e.getMessage(), e);
        }
    }

    public static String oneLine(String s) {
        return s == null ? "(no message)" : s.replace('\n', ' ').replaceAll("\\s+", " ").strip();
    }
}
