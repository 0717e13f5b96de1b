package org.strata.ui;

/** Event-broker topics the workbench's services post and its parts listen to (data: the changed object). */
public final class Topics {
    private Topics() {
    }

    /** A model was opened or selected; data: the {@link OpenModel}. */
    public static final String MODEL_SELECTED = "strata/model/selected";
    /** The list of open models changed. */
    public static final String MODELS_CHANGED = "strata/model/changed";
    /** A run started, progressed or ended; data: the {@link RunEntry}. */
    public static final String RUN_CHANGED = "strata/run/changed";
    /** A run's log grew; data: the {@link RunEntry}. */
    public static final String RUN_LOG = "strata/run/log";
    /** Runs were selected in the Results part; data: a {@code List<RunEntry>}. */
    public static final String RUNS_SELECTED = "strata/run/selected";
    /** Techniques were registered or went away. */
    public static final String TECHNIQUES_CHANGED = "strata/techniques/changed";
}
