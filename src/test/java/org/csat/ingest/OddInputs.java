package org.csat.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * Generates awkward input the way outside exports come, from one seeded {@link Random}: file
 * names of any characters a Linux file system allows (colons of a timestamp, spaces, {@code #},
 * {@code %}, non-ASCII, emoji, a leading dot or dash, names near the 255-byte limit), and
 * records that are either good (a unique id with odd characters, in any of the accepted
 * spellings) or broken in one of the ways exporters break them. Each record knows what the
 * pipeline must make of it: the id it must accept, or the reason code it must quarantine with.
 */
final class OddInputs {
    /** Ways a record breaks, each with the reason code the contract gives it. */
    enum Broken {
        CUT_OFF("bad_json", false),
        NOT_AN_OBJECT("not_an_object", false),
        NO_ID("missing_field", false),
        NO_STARTED_AT("missing_field", false),
        NO_MESSAGES("no_messages", false),
        MESSAGES_NOT_ARRAY("wrong_type", false),
        IMPOSSIBLE_DATE("bad_timestamp", true),
        NO_ZONE("bad_timestamp", true),
        CSAT_JAVA_SUFFIX("bad_csat", true),
        CSAT_HEX_FLOAT("bad_csat", true),
        CSAT_OUT_OF_RANGE("bad_csat", true),
        CSAT_WORD("bad_csat", true),
        CSAT_FRACTION("bad_csat", true),
        UNKNOWN_ROLE("unknown_role", true),
        EMPTY_TEXT("empty_text", true),
        LONE_SURROGATE_ID("not_utf8", false),
        NOT_UTF8("not_utf8", true);

        final String code;
        /** Whether a CSV row can break this way too (the rest are JSON-only shapes). */
        final boolean csv;

        Broken(String code, boolean csv) {
            this.code = code;
            this.csv = csv;
        }
    }

    /** One record as bytes (no line end), and what it must become: an accepted id, or a quarantine code. */
    record Record(byte[] bytes, String acceptedId, String quarantineCode) {}

    private static final String[] NAME_PIECES = {
        "export",
        "2025-04-01T10:00:00",
        "chats 2024",
        "a#b",
        "100%",
        "%41%20",
        "ünïcödé",
        "日本語",
        "😀",
        "x:y:z",
        "semi;colon",
        "[1]",
        "{2}",
        "it's",
        "a&b",
        "a+b",
        "a=b",
        "a,b",
        "~tilde",
        "$HOME",
        "back\\slash",
        "tab\there",
        "q?x",
        "star*",
        "<lt>",
        "|pipe|",
        "  two  spaces",
        "..dots..",
        "—dash—",
        "Ωmega",
        "@at",
        "!bang",
        "new\nline",
        "C:\\temp"
    };
    private static final String[] NAME_STARTS = {"", "", "", "", ".", "-", "--", "#", " ", "%", "~", "+", "="};
    private static final String[] ID_PIECES = {"", "ü", "😀", "日", "\uFFFD", " x", "#", "%20", ":", "é"};
    private static final String[] TEXTS = {
        "Where is my refund?",
        "order #12345678, \"urgent\"; thanks",
        "Grüße 😀 from Köln",
        "line one\nline two",
        "a valid replacement character: \uFFFD",
        "tab\tand, comma"
    };
    private static final String[] STARTED = {
        "2024-05-01T10:00:00Z", "2024-05-01T12:00:00+02:00", "2024-05-01 10:00:00Z", "2024-02-29T10:00:00Z"
    };

    private final Random random;
    private int serial;

    OddInputs(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** A file name a Linux file system allows (no {@code /}, no NUL, at most 255 bytes), unique for this generator. */
    String fileName(String extension) {
        StringBuilder name = new StringBuilder(pick(NAME_STARTS));
        int pieces = 1 + random.nextInt(3);
        for (int i = 0; i < pieces; i++) {
            name.append(i == 0 ? "" : pick(new String[] {"-", "_", " ", ".", ""}))
                    .append(pick(NAME_PIECES));
        }
        name.append('-').append(serial++);
        if (random.nextInt(8) == 0) {
            while (bytes(name + extension) < 230) {
                name.append("long-name-ünï-");
            }
        }
        while (bytes(name + extension) > 255 || Character.isHighSurrogate(name.charAt(name.length() - 1))) {
            name.setLength(name.length() - 1);
        }
        return name + extension;
    }

    /** The name of a folder below a night: odd, but never starting with {@code .} or {@code _} (those are skipped). */
    String folderName() {
        String name = fileName("").replaceFirst("^[._]+", "");
        return name.isEmpty() ? "folder" + serial++ : name;
    }

    /** A good conversation as one JSON line. */
    Record goodJson() {
        String id = "g-" + serial++ + pick(ID_PIECES) + pick(ID_PIECES);
        String csat = pick(new String[] {"", ",\"csat\":4", ",\"csat\":\"5\"", ",\"csat\":1.0", ",\"csat\":null"});
        String json = "{\"conversation_id\":" + quote(id) + ",\"started_at\":\"" + pick(STARTED) + "\"" + csat
                + ",\"topic\":" + quote(pick(TEXTS)) + ",\"messages\":[{\"role\":\"customer\",\"text\":"
                + quote(pick(TEXTS)) + "},{\"role\":\" Bot \",\"ts\":\"2024-05-01T10:00:05Z\",\"text\":"
                + quote(pick(TEXTS)) + "}],\"metadata\":{\"market\":\"SE\"}}";
        return new Record(json.getBytes(StandardCharsets.UTF_8), id, null);
    }

    /** A JSON line broken in the given way. */
    Record brokenJson(Broken kind) {
        String id = "b-" + serial++;
        String ok = "{\"conversation_id\":\"" + id + "\",\"started_at\":\"2024-05-01T10:00:00Z\",\"messages\":"
                + "[{\"role\":\"customer\",\"text\":\"hello\"}]}";
        String json = switch (kind) {
            case CUT_OFF -> ok.substring(0, 10 + random.nextInt(ok.length() - 12));
            case NOT_AN_OBJECT -> pick(new String[] {"[1,2,3]", "\"text\"", "42", "true"});
            case NO_ID -> ok.replace("\"conversation_id\":\"" + id + "\",", "");
            case NO_STARTED_AT -> ok.replace("\"started_at\":\"2024-05-01T10:00:00Z\",", "");
            case NO_MESSAGES -> ok.replaceFirst("\\[\\{.*\\}\\]", "[]");
            case MESSAGES_NOT_ARRAY -> ok.replaceFirst("\\[\\{.*\\}\\]", "\"hello\"");
            case IMPOSSIBLE_DATE ->
                ok.replace(
                        "2024-05-01T10:00:00Z",
                        pick(new String[] {"2025-02-30T10:00:00Z", "2024-04-31T10:00:00Z", "2023-02-29T10:00:00Z"}));
            case NO_ZONE -> ok.replace("2024-05-01T10:00:00Z", "2024-05-01T10:00:00");
            case CSAT_JAVA_SUFFIX -> ok.replace("{\"conv", "{\"csat\":\"4d\",\"conv");
            case CSAT_HEX_FLOAT -> ok.replace("{\"conv", "{\"csat\":\"0x1p2\",\"conv");
            case CSAT_OUT_OF_RANGE ->
                ok.replace("{\"conv", "{\"csat\":" + pick(new String[] {"0", "7", "-4"}) + ",\"conv");
            case CSAT_WORD ->
                ok.replace("{\"conv", "{\"csat\":\"" + pick(new String[] {"five", "Infinity", "NaN"}) + "\",\"conv");
            case CSAT_FRACTION -> ok.replace("{\"conv", "{\"csat\":4.5,\"conv");
            case UNKNOWN_ROLE -> ok.replace("\"customer\"", "\"supervisor\"");
            case EMPTY_TEXT -> ok.replace("\"hello\"", "\" \\u00a0\\u200b \"");
            case LONE_SURROGATE_ID -> ok.replace(id, id + "\\ud800");
            case NOT_UTF8 -> ok;
        };
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        if (kind == Broken.NOT_UTF8) {
            bytes = latin1(json.replace("hello", "café"));
        }
        return new Record(bytes, null, kind.code);
    }

    /** A JSON Lines file: the records with the given line end, maybe a byte-order mark and blank lines. */
    byte[] jsonLines(List<Record> records, String lineEnd) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextInt(5) == 0) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        for (Record r : records) {
            if (random.nextInt(6) == 0) {
                out.write(lineEnd.getBytes(StandardCharsets.UTF_8));
            }
            out.write(r.bytes());
            out.write(lineEnd.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /**
     * A message-per-row CSV file of conversations of one to three rows; a conversation given a
     * broken kind has one row broken that way, so all its rows are quarantined.
     */
    byte[] csv(List<Broken> conversations, String lineEnd, List<Record> expected) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, "conversation_id,customer_id,started_at,ts,role,text,csat" + lineEnd);
        for (Broken kind : conversations) {
            String id = (kind == null ? "g-" : "b-") + serial++ + pick(ID_PIECES);
            int rows = 1 + random.nextInt(3);
            int brokenRow = random.nextInt(rows);
            for (int row = 0; row < rows; row++) {
                String ts = "2024-05-01T10:00:0" + row + "Z";
                String role = row % 2 == 0 ? "customer" : "agent";
                String text = pick(TEXTS);
                String csat = row == 0 ? "4" : "";
                boolean broken = kind != null && row == brokenRow;
                if (broken) {
                    switch (kind) {
                        case IMPOSSIBLE_DATE -> ts = "2025-02-30T10:00:00Z";
                        case NO_ZONE -> ts = "2024-05-01T10:00:00";
                        case CSAT_JAVA_SUFFIX -> csat = "4d";
                        case CSAT_HEX_FLOAT -> csat = "0x1p2";
                        case CSAT_OUT_OF_RANGE -> csat = "6";
                        case CSAT_WORD -> csat = "five";
                        case CSAT_FRACTION -> csat = "3.5";
                        case UNKNOWN_ROLE -> role = "supervisor";
                        case EMPTY_TEXT -> text = " ";
                        case NOT_UTF8 -> text = "café";
                        default -> throw new IllegalArgumentException(kind + " is not a CSV row defect");
                    }
                }
                write(
                        out,
                        csvField(id) + ",cust-1," + (row == 0 ? "2024-05-01T10:00:00Z" : "") + "," + ts + "," + role
                                + ",");
                if (broken && kind == Broken.NOT_UTF8) {
                    out.writeBytes(latin1(csvField(text)));
                } else {
                    write(out, csvField(text));
                }
                write(out, "," + csat + lineEnd);
            }
            for (int row = 0; row < rows; row++) {
                String code = kind == null ? null : row == brokenRow ? kind.code : "sibling_row_rejected";
                expected.add(new Record(null, kind == null && row == 0 ? id : null, code));
            }
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(content);
        }
        return out.toByteArray();
    }

    <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String csvField(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Every broken kind a CSV row can have. */
    static List<Broken> csvKinds() {
        List<Broken> kinds = new ArrayList<>();
        for (Broken kind : Broken.values()) {
            if (kind.csv) {
                kinds.add(kind);
            }
        }
        return kinds;
    }
}
