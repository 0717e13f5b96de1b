package org.strata.ui.charts;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Display;

/** Fonts shared by charts and parts (owned by JFace's registry, never disposed here). */
public final class JFaceFonts {
    private JFaceFonts() {
    }

    public static Font bold(Display d) {
        return JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT);
    }

    public static Font heading(Display d) {
        return JFaceResources.getFontRegistry().getBold(JFaceResources.HEADER_FONT);
    }
}
