package org.strata.model.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.emf.common.notify.Adapter;
import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.strata.model.Pipeline;
import org.strata.model.RunRecord;
import org.strata.model.StrataPackage;
import org.strata.onnx.AtomicFile;
import org.strata.onnx.StrataException;

/**
 * Reads and writes Strata's EMF documents as XMI: pipelines ({@code *.strata}) and run records. Works
 * inside and outside OSGi (the package and factory are registered on a private resource set). Writes are
 * atomic and deterministic: the same model gives the same bytes. Only the file's form is checked here;
 * whether its techniques and parameters exist is {@code org.strata.core}'s pipeline validation.
 *
 * <p><b>Format versions.</b> The model's namespace carries its format version ({@code http://strata.org/model/1.0}).
 * A file of the current format loads as is. A file of an older format is migrated in memory by the chain of
 * {@link FormatMigration}s from its version to the current one, and {@link #notes} of the loaded document say so
 * ("migrated from model format 0.9 to 1.0: …"); the file itself is not touched until the user saves it. A file of a
 * newer format is refused with a message that names both versions. Format 1.0 is the first; {@link #MIGRATIONS} grows
 * with each change of the format, and files of every released format stay in the tests.
 */
public final class PipelineFiles {
    /** The namespace of Strata's model without its version. */
    public static final String NAMESPACE_BASE = "http://strata.org/model/";
    /** The format this Strata writes: the version at the end of {@link StrataPackage#eNS_URI}. */
    public static final String CURRENT_FORMAT = StrataPackage.eNS_URI.substring(NAMESPACE_BASE.length());
    /** The migrations from every older format, oldest first (none yet: 1.0 is the first format). */
    public static final List<FormatMigration> MIGRATIONS = List.of();

    private PipelineFiles() {
    }

    private static ResourceSet resourceSet() {
        ResourceSet rs = new ResourceSetImpl();
        rs.getPackageRegistry().put(StrataPackage.eNS_URI, StrataPackage.eINSTANCE);
        rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("*", new XMIResourceFactoryImpl());
        return rs;
    }

    /**
     * @throws StrataException naming the file (and line) when it is missing, not XMI, not a pipeline, or of a format
     *                         newer than this Strata's
     */
    public static Pipeline loadPipeline(Path file) {
        return loadPipeline(file, MIGRATIONS);
    }

    /** As {@link #loadPipeline(Path)}, with the given format history instead of {@link #MIGRATIONS}. */
    public static Pipeline loadPipeline(Path file, List<FormatMigration> migrations) {
        return load(file, Pipeline.class, "pipeline", migrations);
    }

    public static RunRecord loadRunRecord(Path file) {
        return load(file, RunRecord.class, "run record", MIGRATIONS);
    }

    /**
     * What loading changed in a document read by this class: one line per migration applied ("migrated from model
     * format 0.9 to 1.0: …"); empty for a file of the current format.
     */
    public static List<String> notes(EObject document) {
        for (Adapter a : document.eAdapters()) if (a instanceof LoadNotes n) return n.notes;
        return List.of();
    }

    private static final class LoadNotes extends AdapterImpl {
        final List<String> notes;

        LoadNotes(List<String> notes) {
            this.notes = List.copyOf(notes);
        }
    }

    private static <T extends EObject> T load(Path file, Class<T> type, String what, List<FormatMigration> migrations) {
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs)) throw new StrataException(abs + ": no such " + what + " file");
        Resource r = resourceSet().createResource(URI.createFileURI(abs.toString()));
        List<String> notes = new ArrayList<>();
        try {
            byte[] migrated = FormatMigrations.migrate(abs, what, migrations, notes);
            Map<String, Object> options = Map.of(XMLResource.OPTION_RECORD_UNKNOWN_FEATURE, Boolean.FALSE);
            if (migrated == null) {
                r.load(options);
            } else {
                r.load(new java.io.ByteArrayInputStream(migrated), options);
            }
        } catch (StrataException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new StrataException(abs + " is not a readable " + what + " file: " + reason(e), e);
        }
        if (!r.getErrors().isEmpty()) {
            Resource.Diagnostic d = r.getErrors().get(0);
            throw new StrataException(abs + " line " + d.getLine() + ": " + d.getMessage());
        }
        if (r.getContents().size() != 1 || !type.isInstance(r.getContents().get(0))) {
            throw new StrataException(abs + " holds " + (r.getContents().isEmpty() ? "nothing" : r.getContents().get(0).eClass().getName())
                    + ", not a " + what);
        }
        T document = type.cast(r.getContents().get(0));
        if (!notes.isEmpty()) document.eAdapters().add(new LoadNotes(notes));
        return document;
    }

    private static String reason(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replace('\n', ' ');
    }

    /** Writes a pipeline or run record to {@code file} atomically (the object is copied, not moved). */
    public static void save(EObject document, Path file) {
        byte[] bytes = toBytes(document);
        AtomicFile.write(file, out -> out.write(bytes));
    }

    /** The XMI bytes of a document: UTF-8, one element per line, stable attribute order. */
    public static byte[] toBytes(EObject document) {
        Resource r = resourceSet().createResource(URI.createURI("memory:/document.xmi"));
        r.getContents().add(org.eclipse.emf.ecore.util.EcoreUtil.copy(document));
        Map<String, Object> options = new HashMap<>();
        options.put(XMLResource.OPTION_ENCODING, "UTF-8");
        options.put(XMLResource.OPTION_LINE_WIDTH, 100);
        options.put(XMLResource.OPTION_SAVE_TYPE_INFORMATION, Boolean.FALSE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            r.save(out, options);
        } catch (IOException e) {
            throw new StrataException("could not serialise " + document.eClass().getName() + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
