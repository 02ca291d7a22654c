package org.csat.generate;

/** The file formats of the input contract that the generator can write ({@code --format}). */
public enum OutputFormat {
    JSONL("jsonl", "conversations-", ".jsonl"),
    JSONL_GZ("jsonl.gz", "conversations-", ".jsonl.gz"),
    CSV("csv", "messages-", ".csv");

    private final String label;
    private final String filePrefix;
    private final String fileSuffix;

    OutputFormat(String label, String filePrefix, String fileSuffix) {
        this.label = label;
        this.filePrefix = filePrefix;
        this.fileSuffix = fileSuffix;
    }

    public String label() {
        return label;
    }

    /** The name of the {@code index}-th file of a day, e.g. {@code conversations-000.jsonl}. */
    public String fileName(int index) {
        return filePrefix + String.format("%03d", index) + fileSuffix;
    }

    boolean isGeneratedFileName(String name) {
        return name.startsWith(filePrefix) && name.endsWith(fileSuffix);
    }

    /** Reads {@code jsonl}, {@code jsonl.gz} or {@code csv}. */
    public static OutputFormat fromLabel(String label) {
        for (OutputFormat format : values()) {
            if (format.label.equals(label)) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown format '" + label + "', expected jsonl, jsonl.gz or csv");
    }
}
