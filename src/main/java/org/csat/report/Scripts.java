package org.csat.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;

/**
 * What goes inside the page's {@code <script>} elements: code, made safe to inline (a literal
 * {@code </script} would end the element early), and the charts' data as JSON, with every
 * {@code <}, {@code >} and {@code &} written as a Unicode escape (they only occur inside JSON
 * strings, where the escape means the same), so no topic name can break out of the element.
 */
final class Scripts {
    private static final Pattern SCRIPT_END = Pattern.compile("(?i)</(script)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Scripts() {}

    static String inline(String code) {
        return SCRIPT_END.matcher(code).replaceAll("<\\\\/$1").replace("<!--", "<\\!--");
    }

    static String json(Object data) {
        try {
            return JSON.writeValueAsString(data)
                    .replace("<", "\\u003c")
                    .replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the report's chart data cannot be written as JSON", e);
        }
    }
}
