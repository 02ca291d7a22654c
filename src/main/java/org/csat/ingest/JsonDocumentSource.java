package org.csat.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import org.apache.spark.sql.Row;

/**
 * A JSON file that is not JSON Lines: one array of conversations ({@code [{...}, {...}]}),
 * or pretty-printed conversation objects one after another. Each conversation (array
 * element or top-level object) is one record, numbered from 1, with its JSON text as raw.
 * Streamed with Jackson, so the array may be larger than memory; where the JSON breaks, no
 * later record can be delimited and the file ends with one {@code bad_json} record.
 */
final class JsonDocumentSource implements RecordSource {
    /** Like the line parser's mapper, but a document is a sequence of values by design. */
    private static final ObjectMapper DOCUMENT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String file;
    private final JsonParser json;
    private final JsonConversationParser parser;
    private long recordNo;
    private boolean insideArray;

    JsonDocumentSource(String file, InputStream in, int maxMessageChars) throws IOException {
        this.file = file;
        this.json = DOCUMENT.createParser(in);
        this.parser = new JsonConversationParser(maxMessageChars);
    }

    @Override
    public Row next() throws IOException {
        try {
            JsonToken token = json.nextToken();
            if (token == JsonToken.START_ARRAY && !insideArray) {
                insideArray = true;
                token = json.nextToken();
            }
            if (token == JsonToken.END_ARRAY && insideArray) {
                insideArray = false;
                token = json.nextToken();
            }
            if (token == null) {
                return null;
            }
            JsonNode node = json.readValueAsTree();
            recordNo++;
            return parser.parse(file, recordNo, node.toString(), node);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new MalformedFileException(
                    Reasons.BAD_JSON,
                    "the JSON breaks"
                            + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
                            + " after " + recordNo + " records (" + Timestamps.abbreviate(e.getOriginalMessage()) + ")",
                    e);
        }
    }

    @Override
    public long position() {
        return recordNo;
    }
}
