package org.csat.quality;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;

/**
 * Content-addressed model versions: a model's version is a hash of the rows it is built from
 * (every column, order-independent: the exact sum of the rows' 64-bit hashes), their number,
 * the model's settings as written and {@link ConversationFeatures#VERSION}. The same data
 * and settings give the same version, so a re-run finds the model it already saved instead of
 * training a new one, and a change in any of them gives a new one. Doubles are hashed to 9
 * decimals: averages over rows added in another order (other partitions, a cluster's
 * executors) differ in the last bits, and the same data must get the same version wherever
 * it runs.
 */
public final class ModelVersions {
    private ModelVersions() {}

    /** Rows counted and the 12-hex-digit version hash. */
    public record Fingerprint(long rows, String hash) {}

    static Fingerprint fingerprint(Dataset<Row> rows, Map<String, String> settings) {
        Column[] all = Arrays.stream(rows.schema().fields())
                .map(f -> f.dataType() instanceof DoubleType || f.dataType() instanceof FloatType
                        ? round(col("`" + f.name() + "`"), 9)
                        : col("`" + f.name() + "`"))
                .toArray(Column[]::new);
        Row summary = rows.agg(
                        count(lit(1)), coalesce(sum(xxhash64(all).cast("decimal(38,0)")), lit(0).cast("decimal(38,0)")))
                .first();
        settings = new TreeMap<>(settings);
        String content = summary.getLong(0) + "|" + summary.getDecimal(1).toPlainString() + "|" + settings
                + "|features-v" + ConversationFeatures.VERSION;
        return new Fingerprint(summary.getLong(0), sha256(content).substring(0, 12));
    }

    static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
