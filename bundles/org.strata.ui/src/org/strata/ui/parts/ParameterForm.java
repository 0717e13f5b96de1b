package org.strata.ui.parts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.strata.core.ParameterException;
import org.strata.core.ParameterSpec;
import org.strata.onnx.StrataException;

/**
 * A form generated from a technique's {@link ParameterSpec}s: a check box for a boolean, a drop-down for a
 * choice, a text field for everything else; the range or choices and the default beside it, the help as a
 * tooltip, and the spec's own validation ({@link ParameterSpec#parse}) shown under the field as the user
 * types. A value is handed to {@code commit} (as the text a pipeline file holds, or null for "the default")
 * when a check box or choice changes, and when a text field loses focus or Enter is pressed.
 */
public final class ParameterForm {
    private static final org.eclipse.swt.graphics.Color ERROR_BACKGROUND = new org.eclipse.swt.graphics.Color(255, 228, 225);
    private final Composite body;
    private final Map<String, Control> controls = new LinkedHashMap<>();
    private final Map<String, Label> errors = new LinkedHashMap<>();
    private final Map<String, ParameterSpec> specs = new LinkedHashMap<>();

    /**
     * @param values the current text value of a parameter (null: the default)
     * @param commit receives (name, text or null) for each committed change
     */
    public ParameterForm(Composite parent, List<ParameterSpec> parameters, java.util.function.Function<String, String> values, BiConsumer<String, String> commit) {
        body = new Composite(parent, SWT.NONE);
        GridLayout gl = new GridLayout(3, false);
        gl.marginWidth = 0;
        gl.verticalSpacing = 3;
        body.setLayout(gl);
        for (ParameterSpec p : parameters) {
            specs.put(p.name(), p);
            Label l = new Label(body, SWT.NONE);
            l.setText(p.name() + (p.defaultValue() == null ? " *" : ""));
            l.setToolTipText(p.help());
            Control c;
            String current = values.apply(p.name());
            switch (p.type()) {
                case BOOLEAN -> {
                    Button b = new Button(body, SWT.CHECK);
                    b.setSelection(Boolean.parseBoolean(current != null ? current : String.valueOf(p.defaultValue())));
                    b.addListener(SWT.Selection, e -> commit.accept(p.name(), textOrDefault(p, String.valueOf(b.getSelection()))));
                    c = b;
                }
                case CHOICE -> {
                    Combo combo = new Combo(body, SWT.READ_ONLY | SWT.DROP_DOWN);
                    combo.setItems(p.choices().toArray(String[]::new));
                    String v = current != null ? current : p.defaultValue() == null ? "" : String.valueOf(p.defaultValue());
                    int i = p.choices().indexOf(v);
                    if (i >= 0) combo.select(i);
                    else {
                        combo.add(v, 0);
                        combo.select(0);
                    }
                    combo.addListener(SWT.Selection, e -> {
                        validate(p.name(), combo.getText());
                        commit.accept(p.name(), textOrDefault(p, combo.getText()));
                    });
                    c = combo;
                }
                default -> {
                    Text t = new Text(body, SWT.BORDER | SWT.SINGLE);
                    t.setText(current != null ? current : p.defaultValue() == null ? "" : ParameterSpec.format(p.defaultValue()));
                    t.setMessage(p.defaultValue() == null ? "required" : "default " + ParameterSpec.format(p.defaultValue()));
                    t.addListener(SWT.Modify, e -> validate(p.name(), t.getText()));
                    Runnable commitText = () -> {
                        if (t.isDisposed()) return;
                        String before = values.apply(p.name());
                        String now = textOrDefault(p, t.getText());
                        if (!java.util.Objects.equals(before, now)) commit.accept(p.name(), now);
                    };
                    t.addListener(SWT.DefaultSelection, e -> commitText.run());
                    t.addListener(SWT.FocusOut, e -> commitText.run());
                    c = t;
                }
            }
            c.setToolTipText(p.help());
            GridData cg = new GridData(SWT.FILL, SWT.CENTER, false, false);
            cg.widthHint = 180;
            c.setLayoutData(cg);
            controls.put(p.name(), c);
            Label hint = new Label(body, SWT.NONE);
            hint.setText(hint(p));
            hint.setForeground(body.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
            hint.setToolTipText(p.help());
            hint.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            Label error = new Label(body, SWT.WRAP);
            error.setForeground(body.getDisplay().getSystemColor(SWT.COLOR_RED));
            GridData eg = new GridData(SWT.FILL, SWT.TOP, true, false, 3, 1);
            eg.exclude = true;
            error.setLayoutData(eg);
            error.setVisible(false);
            errors.put(p.name(), error);
            if (current != null) validate(p.name(), current);
        }
    }

    /** The text a pipeline stores: null when the value is the default (the file then leaves it out). */
    private static String textOrDefault(ParameterSpec p, String text) {
        if (p.defaultValue() != null && ParameterSpec.format(p.defaultValue()).equals(text.strip())) return null;
        return text.strip();
    }

    private static String hint(ParameterSpec p) {
        if (!p.choices().isEmpty() && p.type() != ParameterSpec.Type.CHOICE) return "of " + String.join(", ", p.choices());
        if (p.min() != null || p.max() != null) return "[" + num(p.min()) + " … " + num(p.max()) + "]";
        return switch (p.type()) {
            case INT_LIST -> "comma-separated";
            case STRING_LIST -> "comma-separated";
            default -> "";
        };
    }

    private static String num(Double d) {
        if (d == null) return "";
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
    }

    /** Shows the spec's verdict on {@code text} under the field; returns the message or null when valid. */
    public String validate(String name, String text) {
        ParameterSpec p = specs.get(name);
        String message = null;
        try {
            if (text.isBlank() && p.defaultValue() == null) throw new ParameterException(name, "is required");
            if (!text.isBlank()) p.parse(text);
        } catch (StrataException e) {
            message = e.getMessage();
        }
        Label error = errors.get(name);
        Control c = controls.get(name);
        boolean show = message != null;
        error.setText(show ? "⚠ " + message : "");
        error.setVisible(show);
        ((GridData) error.getLayoutData()).exclude = !show;
        // a light red behind a field in error (the theme's tooltip colour can be dark)
        c.setBackground(show ? ERROR_BACKGROUND : null);
        body.layout(true);
        body.getParent().layout(true);
        return message;
    }

    public Composite control() {
        return body;
    }

    /** The parameters' names, longest first (so that a text naming one is matched to the most specific). */
    public List<String> names() {
        return specs.keySet().stream().sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
    }

    public Control field(String name) {
        return controls.get(name);
    }

    /** The error shown under a field, or "" when it is valid. */
    public String error(String name) {
        Label l = errors.get(name);
        return l.isVisible() ? l.getText() : "";
    }

    /** Sets a field's value from the model (after undo or redo) without committing it. */
    public void show(String name, String text) {
        Control c = controls.get(name);
        ParameterSpec p = specs.get(name);
        String v = text != null ? text : p.defaultValue() == null ? "" : ParameterSpec.format(p.defaultValue());
        if (c instanceof Text t && !t.getText().equals(v)) t.setText(v);
        if (c instanceof Button b) b.setSelection(Boolean.parseBoolean(v));
        if (c instanceof Combo combo && !combo.getText().equals(v)) {
            int i = java.util.Arrays.asList(combo.getItems()).indexOf(v);
            if (i >= 0) combo.select(i);
        }
        validate(name, v);
    }
}
