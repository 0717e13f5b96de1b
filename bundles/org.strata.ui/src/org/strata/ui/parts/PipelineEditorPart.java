package org.strata.ui.parts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.Persist;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.emf.common.command.CommandStackListener;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.strata.core.Technique;
import org.strata.core.TechniqueDescriptor;
import org.strata.model.Goal;
import org.strata.model.ParameterValue;
import org.strata.model.Pipeline;
import org.strata.model.Step;
import org.strata.model.StrataFactory;
import org.strata.model.TargetRuntimeKind;
import org.strata.onnx.StrataException;
import org.strata.ui.Dialogs;
import org.strata.ui.PipelineDocument;
import org.strata.ui.Techniques;
import org.strata.ui.Topics;
import org.strata.ui.charts.JFaceFonts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The pipeline editor (*.strata): the steps in order (add, remove, reorder, enable/disable), the selected
 * step's form generated from its technique's parameters, the pipeline's target and goal, and the problems
 * the validator finds, each with its step. Every change is an undoable command on the document's EMF
 * command stack; the stack's save point is the part's dirty state.
 */
public class PipelineEditorPart {
    /** Transient-data key for a document handed over by a handler. */
    public static final String DOCUMENT = "strata.document";
    /** Persisted-state key of the file, so an editor reopens after a restart. */
    public static final String FILE = "strata.file";

    @Inject
    MPart part;
    @Inject
    Techniques techniques;
    @Inject
    Shell shell;

    private PipelineDocument doc;
    private Table steps;
    private Composite formHolder;
    private ScrolledComposite scroller;
    private ParameterForm form;
    private Step formStep;
    private Table problems;
    private Text name;
    private Combo target;
    private Text goalCosine;
    private Text goalLatency;
    private Button remove, up, down, toggle;
    private final CommandStackListener stackListener = e -> refreshAll();

    @PostConstruct
    public void create(Composite parent) {
        Object handed = part.getTransientData().get(DOCUMENT);
        String file = part.getPersistedState().get(FILE);
        if (handed instanceof PipelineDocument d) {
            doc = d;
        } else if (file != null) {
            try {
                doc = PipelineDocument.open(Path.of(file));
            } catch (StrataException e) {
                doc = PipelineDocument.create("untitled");
                Dialogs.error(shell, "Could not reopen the pipeline", e.getMessage(), "An empty pipeline was opened instead; the file was not changed.");
            }
        } else {
            doc = PipelineDocument.create("untitled");
        }
        doc.commandStack().addCommandStackListener(stackListener);

        parent.setLayout(new GridLayout(1, false));
        Composite header = new Composite(parent, SWT.NONE);
        header.setLayout(new GridLayout(8, false));
        header.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(header, SWT.NONE).setText("Name");
        name = new Text(header, SWT.BORDER);
        name.setLayoutData(gdWidth(160));
        commitOnLeave(name, () -> {
            if (!name.getText().equals(nz(pipeline().getName()))) doc.edit("Rename pipeline", () -> pipeline().setName(name.getText()));
        });
        new Label(header, SWT.NONE).setText("Target");
        target = new Combo(header, SWT.READ_ONLY);
        for (TargetRuntimeKind k : TargetRuntimeKind.VALUES) target.add(k.getLiteral());
        target.setToolTipText("onnx: standard ops only; onnxruntime: com.microsoft contrib ops allowed");
        target.addListener(SWT.Selection, e -> {
            TargetRuntimeKind k = TargetRuntimeKind.get(target.getText());
            if (k != pipeline().getTarget()) doc.edit("Change target", () -> pipeline().setTarget(k));
        });
        new Label(header, SWT.NONE).setText("Goal: cosine ≥");
        goalCosine = new Text(header, SWT.BORDER);
        goalCosine.setLayoutData(gdWidth(60));
        goalCosine.setToolTipText("Minimum mean cosine of the final model against the source (0 = no goal)");
        commitOnLeave(goalCosine, () -> commitGoal(goalCosine.getText(), true));
        new Label(header, SWT.NONE).setText("latency ≤");
        goalLatency = new Text(header, SWT.BORDER);
        goalLatency.setLayoutData(gdWidth(60));
        goalLatency.setToolTipText("Maximum latency ratio of the final model against the source (0 = no goal)");
        commitOnLeave(goalLatency, () -> commitGoal(goalLatency.getText(), false));

        SashForm vertical = new SashForm(parent, SWT.VERTICAL);
        vertical.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        SashForm sash = new SashForm(vertical, SWT.HORIZONTAL);
        Composite left = new Composite(sash, SWT.NONE);
        left.setLayout(new GridLayout(1, false));
        Composite buttons = new Composite(left, SWT.NONE);
        buttons.setLayout(new GridLayout(5, true));
        Button add = button(buttons, "Add step ▾", "Add a step with an installed technique after the selected one");
        add.addListener(SWT.Selection, e -> showAddMenu(add));
        remove = button(buttons, "Remove", "Remove the selected step");
        remove.addListener(SWT.Selection, e -> removeSelected());
        up = button(buttons, "Up", "Move the selected step up");
        up.addListener(SWT.Selection, e -> moveSelected(-1));
        down = button(buttons, "Down", "Move the selected step down");
        down.addListener(SWT.Selection, e -> moveSelected(1));
        toggle = button(buttons, "Disable", "Disable or enable the selected step (a disabled step is kept but not run)");
        toggle.addListener(SWT.Selection, e -> {
            int i = steps.getSelectionIndex();
            if (i >= 0) setEnabled(i, !pipeline().getSteps().get(i).isEnabled());
        });
        steps = new Table(left, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.CHECK);
        steps.setHeaderVisible(true);
        ModelsPart.column(steps, "#", 44);
        ModelsPart.column(steps, "Step", 190);
        ModelsPart.column(steps, "Technique", 180);
        steps.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        steps.addListener(SWT.Selection, e -> {
            if (e.detail == SWT.CHECK) {
                int i = steps.indexOf((TableItem) e.item);
                setEnabled(i, ((TableItem) e.item).getChecked());
            }
            showForm();
            updateButtons();
        });

        scroller = new ScrolledComposite(sash, SWT.V_SCROLL | SWT.H_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        formHolder = new Composite(scroller, SWT.NONE);
        formHolder.setLayout(new GridLayout(1, false));
        scroller.setContent(formHolder);
        sash.setWeights(45, 55);

        Composite bottom = new Composite(vertical, SWT.NONE);
        bottom.setLayout(new GridLayout(1, false));
        Label pl = new Label(bottom, SWT.NONE);
        pl.setText("Problems");
        pl.setFont(JFaceFonts.bold(parent.getDisplay()));
        problems = new Table(bottom, SWT.BORDER | SWT.FULL_SELECTION);
        problems.setHeaderVisible(true);
        ModelsPart.column(problems, "Step", 60);
        ModelsPart.column(problems, "Problem", 900);
        problems.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        problems.addListener(SWT.Selection, e -> {
            int i = problems.getSelectionIndex();
            if (i < 0) return;
            String s = problems.getItem(i).getText(0);
            if (s.isEmpty() || !s.chars().allMatch(Character::isDigit)) return;
            select(Integer.parseInt(s) - 1);
            // the parameter the problem names, if the form has it
            String text = problems.getItem(i).getText(1);
            if (form != null) form.names().stream().filter(n -> text.contains(n)).findFirst().ifPresent(this::reveal);
        });
        vertical.setWeights(78, 22);
        if (!pipeline().getSteps().isEmpty()) steps.setSelection(0);
        refreshAll();
    }

    @PreDestroy
    void dispose() {
        doc.commandStack().removeCommandStackListener(stackListener);
    }

    private static GridData gdWidth(int w) {
        GridData g = new GridData(SWT.FILL, SWT.CENTER, false, false);
        g.widthHint = w;
        return g;
    }

    private static Button button(Composite parent, String text, String tip) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tip);
        b.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return b;
    }

    private static void commitOnLeave(Text t, Runnable commit) {
        t.addListener(SWT.DefaultSelection, e -> commit.run());
        t.addListener(SWT.FocusOut, e -> commit.run());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private void commitGoal(String text, boolean cosine) {
        double v;
        try {
            v = text.isBlank() ? 0 : Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            Dialogs.warning(shell, "Not a number", "'" + text + "' is not a number.", "Type a number such as 0.99, or leave the field empty for no goal.");
            refreshHeader();
            return;
        }
        Goal g = pipeline().getGoal();
        double now = g == null ? 0 : cosine ? g.getMinMeanCosine() : g.getMaxLatencyRatio();
        if (now == v) return;
        doc.edit(cosine ? "Change fidelity goal" : "Change latency goal", () -> {
            Goal goal = pipeline().getGoal();
            if (goal == null) {
                goal = StrataFactory.eINSTANCE.createGoal();
                pipeline().setGoal(goal);
            }
            if (cosine) goal.setMinMeanCosine(v);
            else goal.setMaxLatencyRatio(v);
        });
    }

    private Pipeline pipeline() {
        return doc.pipeline();
    }

    public PipelineDocument document() {
        return doc;
    }

    private void showAddMenu(Control anchor) {
        Menu menu = new Menu(anchor);
        List<Technique> all = techniques.all();
        if (all.isEmpty()) {
            MenuItem none = new MenuItem(menu, SWT.PUSH);
            none.setText("No technique installed");
            none.setEnabled(false);
        }
        for (Technique t : all) {
            TechniqueDescriptor d = t.descriptor();
            MenuItem it = new MenuItem(menu, SWT.PUSH);
            it.setText(d.id() + "  —  " + d.name());
            it.addListener(SWT.Selection, e -> addStep(d.id()));
        }
        Rectangle b = anchor.getBounds();
        Point p = anchor.getParent().toDisplay(b.x, b.y + b.height);
        menu.setLocation(p);
        menu.setVisible(true);
    }

    /** Adds a step with technique {@code id} after the selected step (or at the end) and selects it. */
    public void addStep(String id) {
        int at = steps.getSelectionIndex() < 0 ? pipeline().getSteps().size() : steps.getSelectionIndex() + 1;
        String label = techniques.find(id).map(t -> t.descriptor().name()).orElse(id).toLowerCase(Locale.ROOT);
        doc.edit("Add step " + id, () -> {
            Step s = StrataFactory.eINSTANCE.createStep();
            s.setTechniqueId(id);
            s.setLabel(label);
            pipeline().getSteps().add(at, s);
        });
        select(at);
    }

    public void removeSelected() {
        int i = steps.getSelectionIndex();
        if (i < 0) return;
        doc.edit("Remove step " + (i + 1), () -> pipeline().getSteps().remove(i));
        select(Math.min(i, pipeline().getSteps().size() - 1));
    }

    public void moveSelected(int delta) {
        int i = steps.getSelectionIndex();
        int j = i + delta;
        if (i < 0 || j < 0 || j >= pipeline().getSteps().size()) return;
        doc.edit("Move step " + (i + 1), () -> pipeline().getSteps().move(j, i));
        select(j);
    }

    public void setEnabled(int index, boolean enabled) {
        Step s = pipeline().getSteps().get(index);
        if (s.isEnabled() == enabled) return;
        doc.edit((enabled ? "Enable" : "Disable") + " step " + (index + 1), () -> s.setEnabled(enabled));
    }

    /** Selects the step at {@code index} (from 0) and shows its form. */
    public void select(int index) {
        if (index >= 0 && index < steps.getItemCount()) steps.setSelection(index);
        else steps.deselectAll();
        showForm();
        updateButtons();
    }

    /** Sets a parameter of the selected step (null: back to the default), as the form does. */
    public void setParameter(Step s, String name, String text) {
        ParameterValue existing = s.getParameters().stream().filter(v -> name.equals(v.getName())).findFirst().orElse(null);
        if (existing == null && text == null) return;
        if (existing != null && text != null && text.equals(existing.getValue())) return;
        doc.edit("Set " + name, () -> {
            if (text == null) {
                s.getParameters().remove(existing);
            } else if (existing != null) {
                existing.setValue(text);
            } else {
                ParameterValue v = StrataFactory.eINSTANCE.createParameterValue();
                v.setName(name);
                v.setValue(text);
                s.getParameters().add(v);
            }
        });
    }

    private static String valueOf(Step s, String name) {
        return s.getParameters().stream().filter(v -> name.equals(v.getName())).map(ParameterValue::getValue).findFirst().orElse(null);
    }

    private void refreshAll() {
        if (steps == null || steps.isDisposed()) return;
        int sel = steps.getSelectionIndex();
        steps.removeAll();
        List<Step> list = pipeline().getSteps();
        for (int i = 0; i < list.size(); i++) {
            Step s = list.get(i);
            TableItem it = new TableItem(steps, SWT.NONE);
            boolean known = techniques.find(s.getTechniqueId()).isPresent();
            it.setText(new String[] {Integer.toString(i + 1), nz(s.getLabel()), s.getTechniqueId() + (known ? "" : "  (not installed)")});
            it.setChecked(s.isEnabled());
            if (!s.isEnabled()) it.setForeground(steps.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DISABLED_FOREGROUND));
            if (!known) it.setForeground(steps.getDisplay().getSystemColor(SWT.COLOR_RED));
        }
        if (sel >= 0 && sel < list.size()) steps.setSelection(sel);
        refreshHeader();
        if (form != null && formStep != null && steps.getSelectionIndex() >= 0 && list.get(steps.getSelectionIndex()) == formStep
                && !formStep.eIsProxy() && formStep.eContainer() == pipeline()) {
            techniques.find(formStep.getTechniqueId()).ifPresent(t -> t.descriptor().parameters()
                    .forEach(p -> form.show(p.name(), valueOf(formStep, p.name()))));
        } else {
            showForm();
        }
        refreshProblems();
        updateButtons();
        part.setDirty(doc.isDirty());
        String label = doc.file() == null ? nz(pipeline().getName()) + " (unsaved)" : doc.file().getFileName().toString();
        part.setLabel(label);
        part.setTooltip(doc.file() == null ? "not saved yet" : doc.file().toString());
    }

    private void refreshHeader() {
        if (!name.getText().equals(nz(pipeline().getName()))) name.setText(nz(pipeline().getName()));
        target.setText(pipeline().getTarget().getLiteral());
        Goal g = pipeline().getGoal();
        String c = g == null || g.getMinMeanCosine() == 0 ? "" : Double.toString(g.getMinMeanCosine());
        String l = g == null || g.getMaxLatencyRatio() == 0 ? "" : Double.toString(g.getMaxLatencyRatio());
        if (!goalCosine.getText().equals(c)) goalCosine.setText(c);
        if (!goalLatency.getText().equals(l)) goalLatency.setText(l);
    }

    private void refreshProblems() {
        problems.removeAll();
        for (String p : problemsNow()) {
            TableItem it = new TableItem(problems, SWT.NONE);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^step (\\d+)").matcher(p);
            it.setText(new String[] {m.find() ? m.group(1) : "", p});
            it.setForeground(problems.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        }
    }

    /** The problems the validator finds now, each naming its step (from 1). */
    public List<String> problemsNow() {
        return doc.problems(techniques.registry());
    }

    private void updateButtons() {
        int i = steps.getSelectionIndex();
        int n = pipeline().getSteps().size();
        remove.setEnabled(i >= 0);
        up.setEnabled(i > 0);
        down.setEnabled(i >= 0 && i < n - 1);
        toggle.setEnabled(i >= 0);
        toggle.setText(i >= 0 && !pipeline().getSteps().get(i).isEnabled() ? "Enable" : "Disable");
    }

    private void showForm() {
        for (Control c : formHolder.getChildren()) c.dispose();
        scroller.setOrigin(0, 0);
        form = null;
        formStep = null;
        int i = steps.getSelectionIndex();
        if (i < 0 || i >= pipeline().getSteps().size()) {
            Label l = new Label(formHolder, SWT.WRAP);
            l.setText(pipeline().getSteps().isEmpty() ? "This pipeline has no steps yet. Use “Add step” to add one of the installed techniques."
                    : "Select a step to edit it.");
            layoutForm();
            return;
        }
        Step s = pipeline().getSteps().get(i);
        formStep = s;
        Label title = new Label(formHolder, SWT.WRAP);
        title.setFont(JFaceFonts.heading(formHolder.getDisplay()));
        java.util.Optional<Technique> t = techniques.find(s.getTechniqueId());
        title.setText("Step " + (i + 1) + ": " + t.map(x -> x.descriptor().name()).orElse(s.getTechniqueId()));
        Label desc = new Label(formHolder, SWT.WRAP);
        GridData dg = new GridData(SWT.FILL, SWT.TOP, true, false);
        dg.widthHint = 360;
        desc.setLayoutData(dg);
        Composite common = new Composite(formHolder, SWT.NONE);
        common.setLayout(new GridLayout(4, false));
        new Label(common, SWT.NONE).setText("Label");
        Text label = new Text(common, SWT.BORDER);
        label.setText(nz(s.getLabel()));
        label.setLayoutData(gdWidth(160));
        commitOnLeave(label, () -> {
            if (!label.getText().equals(nz(s.getLabel()))) doc.edit("Rename step", () -> s.setLabel(label.getText()));
        });
        new Label(common, SWT.NONE).setText("Time limit (s)");
        Spinner timeout = new Spinner(common, SWT.BORDER);
        timeout.setValues(Math.max(1, s.getTimeoutSeconds()), 1, 86_400, 0, 10, 60);
        timeout.addListener(SWT.FocusOut, e -> {
            if (timeout.getSelection() != s.getTimeoutSeconds()) doc.edit("Change time limit", () -> s.setTimeoutSeconds(timeout.getSelection()));
        });
        if (t.isPresent()) {
            TechniqueDescriptor d = t.get().descriptor();
            desc.setText(d.description() + (d.lossless() ? "  (lossless)" : "  (lossy)"));
            if (d.parameters().isEmpty()) {
                new Label(formHolder, SWT.NONE).setText("This technique has no parameters.");
            } else {
                Label pl = new Label(formHolder, SWT.NONE);
                pl.setText("Parameters");
                pl.setFont(JFaceFonts.bold(formHolder.getDisplay()));
                form = new ParameterForm(formHolder, d.parameters(), n -> valueOf(s, n), (n, v) -> setParameter(s, n, v));
                form.control().setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
            }
        } else {
            desc.setText("The technique '" + s.getTechniqueId() + "' is not installed, so this step cannot run. Install the bundle that "
                    + "provides it (File ▸ Install Technique Bundle…) or remove the step. Its values are kept as they are in the file:");
            for (ParameterValue v : s.getParameters()) new Label(formHolder, SWT.NONE).setText("  " + v.getName() + " = " + v.getValue());
        }
        layoutForm();
    }

    private void layoutForm() {
        formHolder.layout(true, true);
        scroller.setMinSize(formHolder.computeSize(SWT.DEFAULT, SWT.DEFAULT));
    }

    /** Scrolls the selected step's form so that parameter {@code name}'s field is in view, and focuses it. */
    public void reveal(String name) {
        if (form == null || form.field(name) == null) return;
        Control field = form.field(name);
        org.eclipse.swt.graphics.Point at = formHolder.getDisplay().map(field.getParent(), formHolder, field.getLocation());
        int visible = scroller.getClientArea().height;
        int y = Math.max(0, at.y - Math.max(0, (visible - field.getSize().y) / 2));
        scroller.setOrigin(0, y);
        field.setFocus();
        if (field instanceof Text t) t.setSelection(t.getText().length());
    }

    /** The generated form of the selected step, or null (tests drive it). */
    public ParameterForm form() {
        return form;
    }

    public Table stepsTable() {
        return steps;
    }

    public Table problemsTable() {
        return problems;
    }

    @Inject
    @Optional
    void techniquesChanged(@UIEventTopic(Topics.TECHNIQUES_CHANGED) Object any) {
        if (steps != null && !steps.isDisposed()) {
            formStep = null;
            refreshAll();
        }
    }

    /** Saves to the document's file, asking for one the first time. Called by the Save command through the part service. */
    @Persist
    public void save() {
        Path target = doc.file();
        if (target == null) {
            FileDialog fd = new FileDialog(shell, SWT.SAVE);
            fd.setFilterExtensions(new String[] {"*.strata"});
            fd.setFileName(nz(pipeline().getName()) + ".strata");
            fd.setOverwrite(true);
            String f = fd.open();
            if (f == null) return;
            target = Path.of(f.endsWith(".strata") ? f : f + ".strata");
        }
        saveTo(target);
    }

    /** Saves to {@code target} atomically; on failure the old file is intact and a dialog says why. */
    public boolean saveTo(Path target) {
        if (focusInField()) steps.setFocus();
        try {
            doc.save(target);
        } catch (StrataException e) {
            Dialogs.error(shell, "Could not save the pipeline", e.getMessage(), "The file on disk was not changed. Choose another place with File ▸ Save As.");
            return false;
        }
        part.getPersistedState().put(FILE, doc.file().toString());
        refreshAll();
        return true;
    }

    /** Commits a field that still has the focus (its FocusOut listener writes it). */
    private boolean focusInField() {
        Control f = steps.getDisplay().getFocusControl();
        return f != null && !f.isDisposed() && (f instanceof Text || f instanceof Spinner);
    }

    @Focus
    public void focus() {
        steps.setFocus();
    }

    /** The problems, as the user sees them, or a short "none". */
    public List<String> visibleProblems() {
        List<String> out = new ArrayList<>();
        for (TableItem it : problems.getItems()) out.add(it.getText(0) + ": " + it.getText(1));
        return out;
    }
}
