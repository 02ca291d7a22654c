package org.csat.ingest;

import java.io.IOException;
import org.apache.spark.sql.Row;

/**
 * The records of one open input file, read one at a time so a file of any size streams
 * through a task. A record is a row of {@link org.csat.tables.TableSchemas#PARSED_RECORD},
 * accepted or rejected. An {@link IOException} means the file itself broke off;
 * {@link TranscriptFileReader} turns it into one last rejected record.
 */
interface RecordSource {
    /** The next record, or null at the end of the file. */
    Row next() throws IOException;

    /** Number of the last record (line, row or element) consumed, 0 before the first. */
    long position();
}
