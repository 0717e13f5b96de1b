package org.strata.onnx;

/**
 * How {@link ModelWriter} lays out a model on disk.
 *
 * @param externalData      whether tensor data goes to a separate file beside the model
 * @param dataFileName      that file's name, relative to the model's folder; null means {@code <model file>.data}
 * @param externalThreshold tensors smaller than this many bytes stay inside the model file
 */
public record WriteOptions(ExternalData externalData, String dataFileName, long externalThreshold) {
    public enum ExternalData {
        /** External when the model was read with external data, or when it would not fit in one protobuf. */
        AUTO,
        /** Everything inside the model file (fails over 2 GiB). */
        NEVER,
        /** Every tensor of at least {@code externalThreshold} bytes in the data file. */
        ALWAYS
    }

    public static final WriteOptions DEFAULT = new WriteOptions(ExternalData.AUTO, null, 1024);

    public static WriteOptions external(String dataFileName) {
        return new WriteOptions(ExternalData.ALWAYS, dataFileName, 1024);
    }
}
