package org.strata.api.baseline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strata's API baseline check (semantic versioning of exported packages, as bnd's baseline does, against a committed
 * text baseline instead of a released jar, so that it works offline and before the first release).
 *
 * <p>For every bundle jar given: each exported package that is not {@code x-internal} must carry a version. For each
 * such package, its API ({@link ApiSignature}) is compared with {@code <baseline>/<package>.api}, written at the last
 * release together with the version the package had then:
 * <ul>
 * <li>an element removed or changed → the exported version must be at least the next major;</li>
 * <li>an element added → at least the next minor; an abstract method added to a type listed in
 * {@code consumer-types.txt} (types third parties implement, such as {@code Technique}) counts as removed;</li>
 * <li>nothing changed → any version not below the baseline's.</li>
 * </ul>
 * A package in the baseline that is no longer exported is a major break. {@code --update} rewrites the baseline from
 * the jars (done when a release is cut, after the versions were bumped).
 *
 * <p>Usage: {@code ApiBaseline --baseline DIR [--update] JAR...}; exit code 0 when every package is versioned right,
 * 1 otherwise, each problem on one line that names the package, the versions and the changes.
 */
public final class ApiBaseline {
    static final String CONSUMER_TYPES = "consumer-types.txt";
    private static final Pattern VERSION = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?.*");

    record Version(int major, int minor, int micro) implements Comparable<Version> {
        static Version parse(String s) {
            Matcher m = VERSION.matcher(s.strip());
            if (!m.matches()) throw new IllegalArgumentException("not a version: " + s);
            return new Version(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
        }

        @Override
        public int compareTo(Version o) {
            return major != o.major ? Integer.compare(major, o.major) : minor != o.minor ? Integer.compare(minor, o.minor) : Integer.compare(micro, o.micro);
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + micro;
        }
    }

    /** An exported package of a bundle: its version attribute (null when missing) and whether it is internal. */
    record Export(String bundle, String name, String version, boolean internal) {
    }

    private ApiBaseline() {
    }

    public static void main(String[] args) throws IOException {
        Path baseline = null;
        boolean update = false;
        List<Path> jars = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--baseline" -> baseline = Path.of(args[++i]);
                case "--update" -> update = true;
                case "--check" -> update = false;
                default -> jars.add(Path.of(args[i]));
            }
        }
        if (baseline == null || jars.isEmpty()) {
            System.err.println("usage: ApiBaseline --baseline DIR [--update] JAR...");
            System.exit(2);
        }
        List<String> problems = update ? update(baseline, jars) : check(baseline, jars, System.out::println);
        problems.forEach(p -> System.err.println("API baseline: " + p));
        if (!problems.isEmpty()) {
            System.err.println("API baseline: " + problems.size() + " problem(s). Bump the package versions in the bundles' MANIFEST.MF as said"
                    + " (semantic versioning: README, 'Versions and the API baseline'); at a release, refresh the baseline with"
                    + " ./mvnw -f releng/org.strata.api.baseline/pom.xml verify -Dstrata.api.update");
            System.exit(1);
        }
    }

    /** Parses an Export-Package header (quoted values may hold commas). */
    static List<Export> exports(String bundle, String header) {
        List<Export> out = new ArrayList<>();
        if (header == null) return out;
        List<String> clauses = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char c : header.toCharArray()) {
            if (c == '"') quoted = !quoted;
            if (c == ',' && !quoted) {
                clauses.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        clauses.add(cur.toString());
        for (String clause : clauses) {
            String[] parts = clause.split(";");
            String version = null;
            boolean internal = false;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip();
                if (p.startsWith("version=")) version = p.substring("version=".length()).replace("\"", "").strip();
                if (p.startsWith("x-internal:=") && p.contains("true")) internal = true;
                if (p.startsWith("x-friends:=")) internal = true;
            }
            for (String name : parts[0].split(",")) {
                if (!name.isBlank()) out.add(new Export(bundle, name.strip(), version, internal));
            }
        }
        return out;
    }

    /** The API packages of the jars, by name, with the jar each comes from. */
    private static Map<String, Path> apiPackages(List<Path> jars, List<String> problems, Map<String, Version> versions) throws IOException {
        Map<String, Path> out = new LinkedHashMap<>();
        for (Path jar : jars) {
            try (JarFile j = new JarFile(jar.toFile())) {
                var attrs = j.getManifest().getMainAttributes();
                String bsn = attrs.getValue("Bundle-SymbolicName").split(";")[0].strip();
                for (Export e : exports(bsn, attrs.getValue("Export-Package"))) {
                    if (e.internal()) continue;
                    if (e.version() == null) {
                        problems.add(bsn + " exports " + e.name() + " without a version; API packages carry semantic versions"
                                + " (Export-Package: " + e.name() + ";version=\"x.y.z\"), internal ones x-internal:=true");
                        continue;
                    }
                    versions.put(e.name(), Version.parse(e.version()));
                    out.put(e.name(), jar);
                }
            }
        }
        return out;
    }

    static List<String> check(Path baselineDir, List<Path> jars, java.util.function.Consumer<String> info) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, Version> versions = new LinkedHashMap<>();
        Map<String, Path> packages = apiPackages(jars, problems, versions);
        Set<String> consumerTypes = consumerTypes(baselineDir);
        Set<String> baselined = new TreeSet<>();
        try (var s = Files.list(baselineDir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".api")).forEach(n -> baselined.add(n.substring(0, n.length() - 4)));
        }
        for (String pkg : baselined) {
            if (!packages.containsKey(pkg) && problems.stream().noneMatch(p -> p.contains(" exports " + pkg + " "))) {
                problems.add(pkg + " is in the API baseline but no bundle exports it any more: a major break (restore it, or release a new major)");
            }
        }
        for (var e : packages.entrySet()) {
            String pkg = e.getKey();
            Version current = versions.get(pkg);
            Path file = baselineDir.resolve(pkg + ".api");
            ApiSignature now;
            try (JarFile j = new JarFile(e.getValue().toFile())) {
                now = ApiSignature.read(j, pkg);
            }
            if (!Files.isRegularFile(file)) {
                info.accept("API baseline: " + pkg + " " + current + " is new (not in the baseline yet)");
                continue;
            }
            Baseline base = Baseline.read(file);
            List<String> removed = new ArrayList<>();
            List<String> added = new ArrayList<>();
            for (var b : base.elements.entrySet()) {
                String v = now.elements.get(b.getKey());
                if (v == null) removed.add("removed " + b.getKey());
                else if (!v.equals(b.getValue())) removed.add("changed " + b.getKey() + " (" + b.getValue() + " -> " + v + ")");
            }
            for (var n : now.elements.entrySet()) {
                if (base.elements.containsKey(n.getKey())) continue;
                String owner = n.getKey().contains("#") ? n.getKey().substring(0, n.getKey().indexOf('#')) : n.getKey();
                if (now.abstractMethods.contains(n.getKey()) && consumerTypes.contains(owner) && base.elements.containsKey(owner)) {
                    removed.add("added abstract " + n.getKey() + " to " + owner + ", which third parties implement");
                } else {
                    added.add("added " + n.getKey());
                }
            }
            Version required = !removed.isEmpty() ? new Version(base.version.major() + 1, 0, 0)
                    : !added.isEmpty() ? new Version(base.version.major(), base.version.minor() + 1, 0) : base.version;
            if (current.compareTo(required) < 0) {
                List<String> changes = new ArrayList<>(removed);
                changes.addAll(added);
                String kind = !removed.isEmpty() ? "breaking (major)" : "compatible additions (minor)";
                problems.add(pkg + " " + current + ": " + kind + " changes since the baseline " + base.version + " need version " + required
                        + " or higher: " + String.join("; ", changes.subList(0, Math.min(5, changes.size())))
                        + (changes.size() > 5 ? "; and " + (changes.size() - 5) + " more" : ""));
            } else if (!removed.isEmpty() || !added.isEmpty()) {
                info.accept("API baseline: " + pkg + " " + current + " (baseline " + base.version + "): " + removed.size() + " breaking, "
                        + added.size() + " compatible changes, versioned right");
            }
        }
        return problems;
    }

    static List<String> update(Path baselineDir, List<Path> jars) throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, Version> versions = new LinkedHashMap<>();
        Map<String, Path> packages = apiPackages(jars, problems, versions);
        if (!problems.isEmpty()) return problems;
        Files.createDirectories(baselineDir);
        try (var s = Files.list(baselineDir)) {
            for (Path p : (Iterable<Path>) s.filter(p -> p.toString().endsWith(".api"))::iterator) Files.delete(p);
        }
        for (var e : packages.entrySet()) {
            ApiSignature now;
            try (JarFile j = new JarFile(e.getValue().toFile())) {
                now = ApiSignature.read(j, e.getKey());
            }
            StringBuilder b = new StringBuilder("# API of package " + e.getKey() + " at its last release; written by ApiBaseline --update.\n");
            b.append("version ").append(versions.get(e.getKey())).append('\n');
            now.elements.forEach((k, v) -> b.append(k).append(" = ").append(v).append('\n'));
            Files.writeString(baselineDir.resolve(e.getKey() + ".api"), b.toString(), StandardCharsets.UTF_8);
            System.out.println("API baseline: wrote " + e.getKey() + " " + versions.get(e.getKey()) + " (" + now.elements.size() + " elements)");
        }
        return problems;
    }

    private static Set<String> consumerTypes(Path dir) throws IOException {
        Set<String> out = new TreeSet<>();
        Path f = dir.resolve(CONSUMER_TYPES);
        if (!Files.isRegularFile(f)) return out;
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            String t = line.replaceAll("#.*", "").strip();
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    /** A committed baseline file: the version line and the element lines. */
    record Baseline(Version version, Map<String, String> elements) {
        static Baseline read(Path file) throws IOException {
            Version v = null;
            Map<String, String> el = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) continue;
                if (line.startsWith("version ")) {
                    v = Version.parse(line.substring(8));
                    continue;
                }
                int eq = line.indexOf(" = ");
                if (eq < 0) throw new IOException(file + ": malformed line: " + line);
                el.put(line.substring(0, eq), line.substring(eq + 3));
            }
            if (v == null) throw new IOException(file + " has no version line");
            return new Baseline(v, el);
        }
    }
}
