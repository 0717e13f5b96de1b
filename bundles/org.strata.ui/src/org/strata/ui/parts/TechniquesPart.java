package org.strata.ui.parts;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.osgi.framework.Bundle;
import org.strata.core.ParameterSpec;
import org.strata.core.Technique;
import org.strata.core.TechniqueDescriptor;
import org.strata.onnx.StrataException;
import org.strata.ui.Dialogs;
import org.strata.ui.Techniques;
import org.strata.ui.Topics;
import org.strata.ui.charts.JFaceFonts;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The Techniques part: every technique installed now — ours and third-party ones — with its description and
 * parameters, read from its {@link TechniqueDescriptor}. It follows the registry: a bundle installed at run
 * time shows up here without a restart, and one installed as an extension can be uninstalled here.
 */
public class TechniquesPart {
    @Inject
    Techniques techniques;
    @Inject
    org.eclipse.e4.core.contexts.IEclipseContext context;

    Table table;
    Label name;
    Label description;
    Table parameters;
    Label provider;
    Label problems;
    Text help;
    Button uninstall;
    private List<Technique> shown = List.of();

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayout(new GridLayout(2, false));
        Button install = new Button(buttons, SWT.PUSH);
        install.setText("Install technique bundle…");
        install.setToolTipText("Add a technique plug-in (an OSGi bundle jar): loaded now, copied to the extensions folder "
                + techniques.extensionsFolder() + ", and loaded at every start");
        install.addListener(SWT.Selection, e -> {
            ECommandService commands = context.get(ECommandService.class);
            EHandlerService handlers = context.get(EHandlerService.class);
            handlers.executeHandler(commands.createCommand("org.strata.ui.command.installTechnique", java.util.Map.of()));
        });
        uninstall = new Button(buttons, SWT.PUSH);
        uninstall.setText("Uninstall");
        uninstall.setToolTipText("Remove the selected technique's bundle (only bundles installed as extensions)");
        uninstall.setEnabled(false);
        uninstall.addListener(SWT.Selection, e -> uninstallSelected());
        problems = new Label(parent, SWT.WRAP);
        problems.setForeground(parent.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        GridData pg = new GridData(SWT.FILL, SWT.TOP, true, false);
        pg.exclude = true;
        problems.setLayoutData(pg);
        problems.setVisible(false);
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        table = new Table(sash, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.setHeaderVisible(true);
        ModelsPart.column(table, "Technique", 170);
        ModelsPart.column(table, "Family", 70);
        ModelsPart.column(table, "Kind", 70);
        table.addListener(SWT.Selection, e -> show(table.getSelectionIndex()));
        Composite detail = new Composite(sash, SWT.NONE);
        detail.setLayout(new GridLayout(1, false));
        name = new Label(detail, SWT.WRAP);
        name.setFont(JFaceFonts.heading(parent.getDisplay()));
        name.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        description = new Label(detail, SWT.WRAP);
        GridData dg = new GridData(SWT.FILL, SWT.TOP, true, false);
        dg.widthHint = 300;
        description.setLayoutData(dg);
        provider = new Label(detail, SWT.WRAP);
        GridData prg = new GridData(SWT.FILL, SWT.TOP, true, false);
        prg.widthHint = 300;
        provider.setLayoutData(prg);
        parameters = new Table(detail, SWT.BORDER | SWT.FULL_SELECTION);
        parameters.setHeaderVisible(true);
        ModelsPart.column(parameters, "Parameter", 150);
        ModelsPart.column(parameters, "Type", 70);
        ModelsPart.column(parameters, "Default", 70);
        ModelsPart.column(parameters, "Range / choices", 140);
        parameters.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        parameters.addListener(SWT.Selection, e -> showHelp());
        help = new Text(detail, SWT.MULTI | SWT.WRAP | SWT.READ_ONLY | SWT.V_SCROLL);
        help.setBackground(parent.getBackground());
        GridData hg = new GridData(SWT.FILL, SWT.TOP, true, false);
        hg.widthHint = 300;
        hg.heightHint = 5 * help.getLineHeight();
        help.setLayoutData(hg);
        sash.setWeights(40, 60);
        refresh();
    }

    @Inject
    @Optional
    void techniquesChanged(@UIEventTopic(Topics.TECHNIQUES_CHANGED) Object any) {
        if (table != null && !table.isDisposed()) refresh();
    }

    /** Rebuilds the list from the registry, keeping the selection. */
    public void refresh() {
        String selectedId = table.getSelectionIndex() >= 0 && table.getSelectionIndex() < shown.size()
                ? shown.get(table.getSelectionIndex()).descriptor().id() : null;
        shown = techniques.all();
        List<String> bad = techniques.extensionProblems();
        problems.setText(bad.isEmpty() ? "" : "Extensions not loaded:\n" + String.join("\n", bad));
        problems.setVisible(!bad.isEmpty());
        ((GridData) problems.getLayoutData()).exclude = bad.isEmpty();
        problems.getParent().layout(true);
        table.removeAll();
        int select = shown.isEmpty() ? -1 : 0;
        for (int i = 0; i < shown.size(); i++) {
            TechniqueDescriptor d = shown.get(i).descriptor();
            TableItem it = new TableItem(table, SWT.NONE);
            it.setText(new String[] {d.id(), d.family(), d.lossless() ? "lossless" : "lossy"});
            if (d.id().equals(selectedId)) select = i;
        }
        if (select >= 0) table.setSelection(select);
        show(select);
    }

    private void show(int index) {
        parameters.removeAll();
        help.setText("");
        if (index < 0 || index >= shown.size()) {
            name.setText("No technique installed");
            description.setText("Install a technique bundle to get started.");
            provider.setText("");
            uninstall.setEnabled(false);
            return;
        }
        TechniqueDescriptor d = shown.get(index).descriptor();
        Bundle b = techniques.provider(d.id()).orElse(null);
        boolean extension = Techniques.isExtension(b);
        provider.setText(b == null ? "" : "Provided by " + b.getSymbolicName() + " " + b.getVersion()
                + (extension ? " — an extension (" + b.getLocation().substring(b.getLocation().indexOf(':') + 1) + ")" : " — part of Strata"));
        uninstall.setEnabled(extension);
        name.setText(d.name());
        description.setText(d.id() + " · " + d.family() + "\n\n" + d.description() + "\n\n" + (d.lossless() ? "Lossless: output must match the source within "
                + d.effectiveTolerance() + " (relative)." : "Lossy: fidelity is measured and the pipeline's goal checked.")
                + "\nAccepts: " + d.accepts().stream().map(f -> f.name().toLowerCase(Locale.ROOT).replace('_', ' ')).sorted()
                        .collect(Collectors.joining(", ")));
        for (ParameterSpec p : d.parameters()) {
            TableItem it = new TableItem(parameters, SWT.NONE);
            String range = !p.choices().isEmpty() ? String.join(" | ", p.choices())
                    : p.min() != null || p.max() != null ? "[" + num(p.min()) + ", " + num(p.max()) + "]" : "";
            it.setText(new String[] {p.name(), p.type().name().toLowerCase(Locale.ROOT).replace('_', ' '),
                    p.defaultValue() == null ? "(required)" : ParameterSpec.format(p.defaultValue()), range});
            it.setData(p);
        }
        for (org.eclipse.swt.widgets.TableColumn c : parameters.getColumns()) {
            c.pack();
            c.setWidth(Math.min(c.getWidth() + 8, 220));
        }
        if (parameters.getItemCount() > 0) parameters.setSelection(0);
        showHelp();
        description.getParent().layout(true, true);
    }

    /** The selected parameter's help text under the table. */
    private void showHelp() {
        int i = parameters.getSelectionIndex();
        if (i < 0 || !(parameters.getItem(i).getData() instanceof ParameterSpec p)) {
            help.setText(parameters.getItemCount() == 0 ? "" : "Select a parameter to read what it does.");
        } else {
            help.setText(p.name() + ": " + p.help());
        }
        help.getParent().layout(true);
    }

    /** Uninstalls the bundle of the selected technique, after asking. */
    private void uninstallSelected() {
        int i = table.getSelectionIndex();
        if (i < 0 || i >= shown.size()) return;
        Bundle b = techniques.provider(shown.get(i).descriptor().id()).orElse(null);
        if (!Techniques.isExtension(b)) return;
        if (!MessageDialog.openConfirm(table.getShell(), "Uninstall technique bundle", "Remove " + b.getSymbolicName() + " " + b.getVersion()
                + " and its techniques from the workbench and from the extensions folder?\n\nPipelines that use its techniques keep their steps; "
                + "they show as not installed.")) {
            return;
        }
        try {
            techniques.uninstall(b.getSymbolicName());
        } catch (StrataException e) {
            Dialogs.error(table.getShell(), "Could not uninstall", e.getMessage(), "The extensions folder is " + techniques.extensionsFolder() + ".");
        }
    }

    private static String num(Double d) {
        if (d == null) return "…";
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : d.toString();
    }

    /** Selects the technique {@code id} and shows its details (nothing happens when it is not listed). */
    public void select(String id) {
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).descriptor().id().equals(id)) {
                table.setSelection(i);
                show(i);
                return;
            }
        }
    }

    /** The technique ids the part lists now (tests read it). */
    public List<String> listedIds() {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (TableItem it : table.getItems()) ids.add(it.getText(0));
        return ids;
    }

    @Focus
    public void focus() {
        table.setFocus();
    }
}
