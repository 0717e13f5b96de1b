package org.strata.ui.handlers;

import java.util.List;

import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.strata.ui.PipelineDocument;
import org.strata.ui.parts.PipelineEditorPart;

/** Finding and opening pipeline editors. */
public final class Editors {
    public static final String DESCRIPTOR = "org.strata.ui.partdescriptor.pipeline";
    public static final String STACK = "org.strata.ui.partstack.editors";

    private Editors() {
    }

    /** The active pipeline editor, else the one shown on top of its stack, else any; null when none is open. */
    public static PipelineEditorPart current(EPartService parts) {
        MPart active = parts.getActivePart();
        if (active != null && active.getObject() instanceof PipelineEditorPart p) return p;
        PipelineEditorPart any = null;
        for (MPart m : parts.getParts()) {
            if (!DESCRIPTOR.equals(m.getElementId()) || !(m.getObject() instanceof PipelineEditorPart p)) continue;
            if (m.getParent() != null && m.getParent().getSelectedElement() == m) return p;
            any = p;
        }
        return any;
    }

    /** Opens {@code doc} in a new editor in the editor stack and activates it. */
    public static MPart open(PipelineDocument doc, EPartService parts, EModelService models, MApplication app) {
        if (doc.file() != null) {
            for (MPart m : parts.getParts()) {
                if (m.getObject() instanceof PipelineEditorPart p && doc.file().equals(p.document().file())) {
                    parts.activate(m);
                    return m;
                }
            }
        }
        MPart part = parts.createPart(DESCRIPTOR);
        part.getTransientData().put(PipelineEditorPart.DOCUMENT, doc);
        if (doc.file() != null) part.getPersistedState().put(PipelineEditorPart.FILE, doc.file().toString());
        List<MPartStack> stacks = models.findElements(app, STACK, MPartStack.class);
        if (!stacks.isEmpty()) stacks.get(0).getChildren().add(part);
        parts.showPart(part, PartState.ACTIVATE);
        return part;
    }
}
