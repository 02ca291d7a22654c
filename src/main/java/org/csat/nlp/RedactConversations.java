package org.csat.nlp;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.transform_values;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The privacy boundary between bronze and everything after it: bronze conversations in, the
 * same conversations out with every free-text field redacted by {@link PiiRedactor}, so no
 * later computation (language guess, sentiment, signals) and no silver or gold column sees raw
 * personal data. Redacted: message {@code text}, {@code agent_id} and {@code event},
 * {@code topic}, {@code channel}, and the values of {@code metadata}. A {@code customer_id}
 * that is itself personal data (an e-mail or phone number used as the key) becomes
 * {@code pii-} + the first 16 hex digits of its SHA-256, which keeps one customer's contacts
 * linked. {@code raw} is dropped. {@code conversation_id} is kept as it is: it is the key back
 * to bronze and quarantine.
 */
final class RedactConversations {
    public Dataset<Row> apply(Dataset<Row> bronze) {
        UserDefinedFunction redact = udf(new RedactPiiUdf(), DataTypes.StringType);
        Column customer = col("customer_id");
        Column customerIsPersonal = redact.apply(customer).notEqual(customer);
        Dataset<Row> redacted = bronze.withColumn(
                        "messages",
                        transform(
                                col("messages"),
                                m -> struct(
                                        m.getField("seq").as("seq"),
                                        m.getField("ts").as("ts"),
                                        m.getField("role").as("role"),
                                        redact.apply(m.getField("agent_id")).as("agent_id"),
                                        redact.apply(m.getField("event")).as("event"),
                                        redact.apply(m.getField("text")).as("text"))))
                .withColumn("topic", redact.apply(col("topic")))
                .withColumn("channel", redact.apply(col("channel")))
                .withColumn("metadata", transform_values(col("metadata"), (k, v) -> redact.apply(v)))
                .withColumn(
                        "customer_id",
                        when(customerIsPersonal, concat(lit("pii-"), substring(sha2(customer, 256), 1, 16)))
                                .otherwise(customer));
        return java.util.Arrays.asList(redacted.columns()).contains("raw") ? redacted.drop("raw") : redacted;
    }
}
