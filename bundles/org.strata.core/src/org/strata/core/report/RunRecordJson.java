package org.strata.core.report;

import org.eclipse.emf.common.util.Enumerator;
import org.strata.model.Analysis;
import org.strata.model.Metric;
import org.strata.model.ParameterValue;
import org.strata.model.RunRecord;
import org.strata.model.StepResult;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * The JSON form of a run record (documented on {@link RunReport#toJson(RunRecord)}). Keys are written in the
 * order of the EMF model's features, every key always present (null when unset), so two records of the same
 * run give the same text and a script can rely on the shape.
 */
final class RunRecordJson {
    static final String FORMAT = "strata.run-record";
    static final int FORMAT_VERSION = 1;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    private RunRecordJson() {
    }

    static String toJson(RunRecord run) {
        return GSON.toJson(run(run)) + "\n";
    }

    static JsonObject run(RunRecord r) {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("formatVersion", FORMAT_VERSION);
        o.addProperty("pipelineName", r.getPipelineName());
        o.addProperty("pipelineFile", r.getPipelineFile());
        o.addProperty("sourceModel", r.getSourceModel());
        o.addProperty("outputModel", r.getOutputModel());
        o.addProperty("strataVersion", r.getStrataVersion());
        o.addProperty("startedAt", r.getStartedAt());
        o.addProperty("durationMillis", r.getDurationMillis());
        o.add("status", literal(r.getStatus()));
        o.addProperty("goalMet", r.isGoalMet());
        o.addProperty("goalMessage", r.getGoalMessage());
        o.addProperty("threads", r.getThreads());
        o.addProperty("batch", r.getBatch());
        o.add("baseline", r.getBaseline() == null ? JsonNull.INSTANCE : step(r.getBaseline()));
        JsonArray steps = new JsonArray();
        for (StepResult s : r.getSteps()) steps.add(step(s));
        o.add("steps", steps);
        JsonArray log = new JsonArray();
        for (String line : r.getLog()) log.add(line == null ? JsonNull.INSTANCE : new JsonPrimitive(line));
        o.add("log", log);
        return o;
    }

    static JsonObject step(StepResult s) {
        JsonObject o = new JsonObject();
        o.addProperty("number", s.getNumber());
        o.addProperty("techniqueId", s.getTechniqueId());
        JsonArray parameters = new JsonArray();
        for (ParameterValue p : s.getParameters()) {
            JsonObject po = new JsonObject();
            po.addProperty("name", p.getName());
            po.addProperty("value", p.getValue());
            parameters.add(po);
        }
        o.add("parameters", parameters);
        o.add("status", literal(s.getStatus()));
        o.addProperty("summary", s.getSummary());
        o.addProperty("message", s.getMessage());
        o.addProperty("lossless", s.isLossless());
        o.addProperty("verified", s.isVerified());
        o.addProperty("durationMillis", s.getDurationMillis());
        o.addProperty("modelBytes", s.getModelBytes());
        o.addProperty("nodeCount", s.getNodeCount());
        o.addProperty("nodesAdded", s.getNodesAdded());
        o.addProperty("nodesRemoved", s.getNodesRemoved());
        o.addProperty("fingerprint", s.getFingerprint());
        JsonArray metrics = new JsonArray();
        for (Metric m : s.getMetrics()) metrics.add(metric(m));
        o.add("metrics", metrics);
        JsonArray analyses = new JsonArray();
        for (Analysis a : s.getAnalyses()) analyses.add(analysis(a));
        o.add("analyses", analyses);
        return o;
    }

    static JsonObject analysis(Analysis a) {
        JsonObject o = new JsonObject();
        o.addProperty("id", a.getId());
        o.addProperty("title", a.getTitle());
        o.add("kind", literal(a.getKind()));
        JsonArray rows = new JsonArray();
        a.getRowLabels().forEach(rows::add);
        o.add("rowLabels", rows);
        JsonArray cols = new JsonArray();
        a.getColumnLabels().forEach(cols::add);
        o.add("columnLabels", cols);
        JsonArray values = new JsonArray();
        for (double v : a.getValues()) values.add(Double.isFinite(v) ? new JsonPrimitive(v) : JsonNull.INSTANCE);
        o.add("values", values);
        o.addProperty("unit", a.getUnit());
        o.addProperty("note", a.getNote());
        return o;
    }

    static JsonObject metric(Metric m) {
        JsonObject o = new JsonObject();
        o.addProperty("name", m.getName());
        o.add("kind", literal(m.getKind()));
        // JSON has no NaN or infinity: a value that is not finite is written as null
        o.add("value", Double.isFinite(m.getValue()) ? new JsonPrimitive(m.getValue()) : JsonNull.INSTANCE);
        o.addProperty("unit", m.getUnit());
        o.addProperty("sequenceLength", m.getSequenceLength());
        return o;
    }

    private static JsonElement literal(Enumerator e) {
        return e == null ? JsonNull.INSTANCE : new JsonPrimitive(e.getLiteral());
    }
}
