package org.strata.api.baseline;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The public API of one package as text, read from class files with ASM: one line per accessible type, field and method
 * (public or protected, of a public type), keyed by element and valued by its modifiers, supertypes, descriptor and generic
 * signature. Two signatures compare element by element: an element gone or changed breaks consumers, an element added
 * does not (unless it is an abstract method of a type that consumers implement).
 */
final class ApiSignature {
    /** element key → description, e.g. {@code org.strata.core.Technique#apply(...)Lorg/strata/core/Change;} → {@code public abstract}. */
    final Map<String, String> elements = new TreeMap<>();
    /** keys of abstract methods, for the consumer-type rule. */
    final java.util.Set<String> abstractMethods = new java.util.TreeSet<>();

    /** The API of {@code packageName} in {@code jar} (classes directly in the package, nested public types included). */
    static ApiSignature read(JarFile jar, String packageName) throws IOException {
        ApiSignature s = new ApiSignature();
        String prefix = packageName.replace('.', '/') + "/";
        for (JarEntry e : java.util.Collections.list(jar.entries())) {
            String n = e.getName();
            if (!n.startsWith(prefix) || !n.endsWith(".class") || n.indexOf('/', prefix.length()) >= 0 || n.endsWith("module-info.class")
                    || n.endsWith("package-info.class")) continue;
            try (InputStream in = jar.getInputStream(e)) {
                s.add(new ClassReader(in));
            }
        }
        return s;
    }

    private static boolean visible(int access) {
        return (access & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED)) != 0 && (access & Opcodes.ACC_SYNTHETIC) == 0;
    }

    private void add(ClassReader r) {
        r.accept(new ClassVisitor(Opcodes.ASM9) {
            String type;
            boolean isPublic;
            boolean isFinal;
            boolean nestedHidden;

            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
                type = name.replace('/', '.');
                isPublic = (access & Opcodes.ACC_PUBLIC) != 0;
                isFinal = (access & Opcodes.ACC_FINAL) != 0;
                if (!isPublic) return;
                StringBuilder d = new StringBuilder(modifiers(access & ~Opcodes.ACC_SUPER, true));
                if (superName != null && !superName.equals("java/lang/Object")) d.append(" extends ").append(superName);
                if (interfaces != null && interfaces.length > 0) d.append(" implements ").append(String.join(",", interfaces));
                if (signature != null) d.append(" sig ").append(signature);
                elements.put(type, d.toString().strip());
            }

            @Override
            public void visitInnerClass(String name, String outerName, String innerName, int access) {
                // a nested type that is not public (or a member of a non-public type) is not API
                if (name.replace('/', '.').equals(type) && (access & Opcodes.ACC_PUBLIC) == 0) nestedHidden = true;
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                if (isPublic && visible(access) && !(isFinal && (access & Opcodes.ACC_PROTECTED) != 0)) {
                    elements.put(type + "#" + name + ":" + descriptor, (modifiers(access, false) + (signature != null ? " sig " + signature : "")
                            + (value != null && (access & Opcodes.ACC_STATIC) != 0 ? " = " + String.valueOf(value).replace("\\", "\\\\").replace("\n", "\\n") : "")).strip());
                }
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature, String[] exceptions) {
                if (isPublic && visible(access) && (access & Opcodes.ACC_BRIDGE) == 0 && !name.equals("<clinit>")
                        && !(isFinal && (access & Opcodes.ACC_PROTECTED) != 0)) {
                    String key = type + "#" + name + descriptor;
                    elements.put(key, (modifiers(access, false) + (signature != null ? " sig " + signature : "")).strip());
                    if ((access & Opcodes.ACC_ABSTRACT) != 0) abstractMethods.add(key);
                }
                return null;
            }

            @Override
            public void visitEnd() {
                if (nestedHidden) elements.keySet().removeIf(k -> k.equals(type) || k.startsWith(type + "#"));
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    }

    private static String modifiers(int a, boolean type) {
        StringBuilder b = new StringBuilder();
        if ((a & Opcodes.ACC_PUBLIC) != 0) b.append("public ");
        if ((a & Opcodes.ACC_PROTECTED) != 0) b.append("protected ");
        if ((a & Opcodes.ACC_STATIC) != 0) b.append("static ");
        if ((a & Opcodes.ACC_FINAL) != 0) b.append("final ");
        if ((a & Opcodes.ACC_ABSTRACT) != 0 && !(type && (a & Opcodes.ACC_INTERFACE) != 0)) b.append("abstract ");
        if (type) {
            if ((a & Opcodes.ACC_ANNOTATION) != 0) b.append("@interface ");
            else if ((a & Opcodes.ACC_INTERFACE) != 0) b.append("interface ");
            else if ((a & Opcodes.ACC_ENUM) != 0) b.append("enum ");
            else if ((a & Opcodes.ACC_RECORD) != 0) b.append("record ");
            else b.append("class ");
        } else if ((a & Opcodes.ACC_VARARGS) != 0) {
            b.append("varargs ");
        }
        return b.toString().strip();
    }
}
