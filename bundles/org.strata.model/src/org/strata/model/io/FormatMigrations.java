package org.strata.model.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.strata.onnx.StrataException;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** Finds a document's model format and brings an older one up to the current format (see {@link PipelineFiles}). */
final class FormatMigrations {
    private static final Pattern FORMAT = Pattern.compile(Pattern.quote(PipelineFiles.NAMESPACE_BASE) + "(\\d+)\\.(\\d+)");

    private FormatMigrations() {
    }

    /** The namespace URI of the document's root element, or null when the file is not XML with a root element. */
    static String rootNamespace(Path file) throws IOException {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = f.createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT) return r.getNamespaceURI();
                }
                return null;
            } finally {
                r.close();
            }
        } catch (javax.xml.stream.XMLStreamException e) {
            return null; // not XML: EMF's own loading says so with a line number
        }
    }

    private static int[] version(String format) {
        String[] p = format.split("\\.");
        return new int[] {Integer.parseInt(p[0]), Integer.parseInt(p[1])};
    }

    private static int compare(String a, String b) {
        int[] x = version(a);
        int[] y = version(b);
        return x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]);
    }

    /**
     * @return the migrated document's bytes, or null when the file is of the current format (or not a Strata document,
     *         which EMF then reports)
     * @throws StrataException for a newer format, or an older one no migration chain leads from
     */
    static byte[] migrate(Path file, String what, List<FormatMigration> migrations, List<String> notes) throws IOException {
        String ns = rootNamespace(file);
        if (ns == null) return null;
        Matcher m = FORMAT.matcher(ns);
        if (!m.matches()) return null;
        String format = m.group(1) + "." + m.group(2);
        String current = PipelineFiles.CURRENT_FORMAT;
        if (compare(format, current) == 0) return null;
        if (compare(format, current) > 0) {
            throw new StrataException(file + " is a " + what + " of model format " + format + ", written by a newer Strata; this Strata reads format "
                    + current + " and older. Open it with that Strata, or update this one.");
        }
        List<FormatMigration> chain = new ArrayList<>();
        String at = format;
        while (compare(at, current) < 0) {
            String from = at;
            FormatMigration next = migrations.stream().filter(x -> x.from().equals(from)).findFirst().orElse(null);
            if (next == null) {
                throw new StrataException(file + " is a " + what + " of model format " + format + "; this Strata (format " + current
                        + ") knows no migration from format " + from + (migrations.isEmpty() ? "" : " (it migrates from "
                        + migrations.stream().map(FormatMigration::from).toList() + ")"));
            }
            chain.add(next);
            at = next.to();
        }
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            doc = f.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new StrataException(file + " is not a readable " + what + " file: " + e.getMessage(), e);
        }
        for (FormatMigration step : chain) {
            step.rewrite().accept(doc);
            renameNamespace(doc.getDocumentElement(), PipelineFiles.NAMESPACE_BASE + step.from(), PipelineFiles.NAMESPACE_BASE + step.to());
            notes.add("migrated " + file.getFileName() + " from model format " + step.from() + " to " + step.to() + ": " + step.note()
                    + " (saving it writes format " + current + ")");
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.transform(new DOMSource(doc), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new StrataException("cannot migrate " + file + ": " + e.getMessage(), e);
        }
    }

    /** Moves every element and attribute in namespace {@code from} to {@code to}, and rewrites the declarations. */
    private static void renameNamespace(Element e, String from, String to) {
        Document doc = e.getOwnerDocument();
        Element target = e;
        if (from.equals(e.getNamespaceURI())) target = (Element) doc.renameNode(e, to, e.getNodeName());
        NamedNodeMap attrs = target.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI()) && from.equals(a.getValue())) a.setValue(to);
            else if (from.equals(a.getNamespaceURI())) doc.renameNode(a, to, a.getNodeName());
        }
        for (Node c = target.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) renameNamespace(child, from, to);
        }
    }
}
