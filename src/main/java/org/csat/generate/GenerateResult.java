package org.csat.generate;

/** What a {@link GenerateTranscripts} run wrote: data files, conversations and messages. */
public record GenerateResult(int files, long conversations, long messages) {}
