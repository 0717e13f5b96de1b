package org.strata.ui;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * The one way the workbench tells a person that something went wrong: a dialog that says what happened and
 * what to do, never a stack trace. Safe to call from any thread.
 */
public final class Dialogs {
    private Dialogs() {
    }

    public static void error(Shell shell, String title, String what, String todo) {
        show(shell, MessageDialog.ERROR, title, what, todo);
    }

    public static void warning(Shell shell, String title, String what, String todo) {
        show(shell, MessageDialog.WARNING, title, what, todo);
    }

    public static void info(Shell shell, String title, String what) {
        show(shell, MessageDialog.INFORMATION, title, what, null);
    }

    private static void show(Shell shell, int kind, String title, String what, String todo) {
        Display d = shell != null && !shell.isDisposed() ? shell.getDisplay() : Display.getDefault();
        String text = todo == null || todo.isBlank() ? what : what + "\n\n" + todo;
        Runnable r = () -> {
            Shell s = shell != null && !shell.isDisposed() ? shell : d.getActiveShell();
            MessageDialog.open(kind, s, title, text, 0);
        };
        if (Display.getCurrent() == d) r.run();
        else d.asyncExec(r);
    }
}
