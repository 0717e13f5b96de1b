package org.strata.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * What one run of the engine came to, from its exit code and the {@code report.json} it wrote: the engine exits 0 when
 * every step ran and the goal is met, 1 when a step failed, the goal was not met or an input was refused (one line on
 * stderr), 2 for a usage mistake and 3 for an internal error.
 */
record RunOutcome(Kind kind, String message) {
    enum Kind {
        /** Every step ran and the pipeline's goal is met. */
        SUCCESS,
        /** Every step ran but the goal is not met. */
        GOAL_NOT_MET,
        /** A step failed, an input was refused, or the run stopped: the user's inputs are at fault. */
        FAILED,
        /** The engine could not be run as asked (usage mistake, internal error, crash). */
        ERROR
    }

    /**
     * @param exitCode  the engine's exit code
     * @param report    {@code report.json} of the output folder (may not exist)
     * @param lastError the last line the engine printed on stderr, or empty
     */
    static RunOutcome of(int exitCode, Path report, String lastError) throws IOException {
        JsonObject r = null;
        if (Files.isRegularFile(report)) {
            JsonElement e = JsonParser.parseString(Files.readString(report, StandardCharsets.UTF_8));
            if (e.isJsonObject()) r = e.getAsJsonObject();
        }
        String err = lastError == null || lastError.isBlank() ? "(no message; run with -X to see the engine's output)" : lastError.strip();
        if (exitCode == 2) return new RunOutcome(Kind.ERROR, "Strata refused the arguments: " + err);
        if (exitCode != 0 && exitCode != 1) return new RunOutcome(Kind.ERROR, "Strata's engine failed (exit " + exitCode + "): " + err);
        if (r == null) {
            return exitCode == 0 ? new RunOutcome(Kind.ERROR, "Strata's engine exited 0 but wrote no report at " + report)
                    : new RunOutcome(Kind.FAILED, err);
        }
        String status = text(r, "status");
        boolean goalMet = r.has("goalMet") && r.get("goalMet").getAsBoolean();
        String goal = text(r, "goalMessage");
        if ("succeeded".equals(status)) {
            if (goalMet && exitCode == 0) return new RunOutcome(Kind.SUCCESS, goal.isEmpty() ? "no goal set" : goal);
            if (!goalMet) return new RunOutcome(Kind.GOAL_NOT_MET, goal.isEmpty() ? "goal not met" : goal);
        }
        StringBuilder why = new StringBuilder("the pipeline " + (status.isEmpty() ? "did not finish" : status));
        if (r.has("steps") && r.get("steps").isJsonArray()) {
            for (JsonElement s : r.getAsJsonArray("steps")) {
                JsonObject o = s.getAsJsonObject();
                String st = text(o, "status");
                if (st.equals("failed") || st.equals("rolledBack") || st.equals("timedOut") || st.equals("cancelled")) {
                    why.append("; step ").append(o.get("number").getAsInt()).append(" (").append(text(o, "techniqueId")).append(") ").append(st);
                    String m = text(o, "message");
                    if (!m.isEmpty()) why.append(": ").append(m);
                }
            }
        }
        if (!goal.isEmpty() && !goalMet) why.append("; goal not met: ").append(goal);
        return new RunOutcome(Kind.FAILED, why.toString());
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }
}
