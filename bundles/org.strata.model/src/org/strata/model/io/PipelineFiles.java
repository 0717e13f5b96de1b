package org.strata.model.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

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
 */
public final class PipelineFiles {
    private PipelineFiles() {
    }

    private static ResourceSet resourceSet() {
        ResourceSet rs = new ResourceSetImpl();
        rs.getPackageRegistry().put(StrataPackage.eNS_URI, StrataPackage.eINSTANCE);
        rs.getResourceFactoryRegistry().getExtensionToFactoryMap().put("*", new XMIResourceFactoryImpl());
        return rs;
    }

    /** @throws StrataException naming the file (and line) when it is missing, not XMI, or not a pipeline */
    public static Pipeline loadPipeline(Path file) {
        return load(file, Pipeline.class, "pipeline");
    }

    public static RunRecord loadRunRecord(Path file) {
        return load(file, RunRecord.class, "run record");
    }

    private static <T extends EObject> T load(Path file, Class<T> type, String what) {
        Path abs = file.toAbsolutePath().normalize();
        if (!Files.isRegularFile(abs)) throw new StrataException(abs + ": no such " + what + " file");
        Resource r = resourceSet().createResource(URI.createFileURI(abs.toString()));
        try {
            r.load(Map.of(XMLResource.OPTION_RECORD_UNKNOWN_FEATURE, Boolean.FALSE));
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
        return type.cast(r.getContents().get(0));
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
