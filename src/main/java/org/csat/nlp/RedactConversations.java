package org.csat.nlp;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.transform;
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
 * personal data. Redacted: message {@code text} (each role's messages together, so data split
 * over two messages is found: {@link RedactMessageTextsUdf}), {@code agent_id} and
 * {@code event}, {@code topic}, {@code channel}, and the keys and values of {@code metadata}.
 * A source {@code language} that redaction would change, or that is no language label (more
 * than 35 characters, or characters other than letters, digits, space, {@code -} and
 * {@code _}), is dropped, so the language is detected instead. A {@code customer_id} that is
 * itself personal data (an e-mail or phone number used as the key) becomes {@code pii-} + the
 * first 16 hex digits of its SHA-256, which keeps one customer's contacts linked. {@code raw} is
 * dropped. {@code conversation_id} is kept as it is: it is the key back to bronze and quarantine.
 */
final class RedactConversations {
    public Dataset<Row> apply(Dataset<Row> bronze) {
        UserDefinedFunction redact = udf(new RedactPiiUdf(), DataTypes.StringType);
        UserDefinedFunction redactTexts =
                udf(new RedactMessageTextsUdf(), DataTypes.createArrayType(DataTypes.StringType));
        UserDefinedFunction redactMetadata =
                udf(new RedactMetadataUdf(), DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));
        Column customer = col("customer_id");
        Column customerIsPersonal = redact.apply(customer).notEqual(customer);
        Column language = col("language");
        Column languageLabel = language.rlike("^[\\p{L}\\p{N} _-]{1,35}$")
                .and(redact.apply(language).equalTo(language));
        Dataset<Row> redacted = bronze.withColumn(
                        "redacted_texts", redactTexts.apply(col("messages.text"), col("messages.role")))
                .withColumn(
                        "messages",
                        transform(
                                col("messages"),
                                (m, i) -> struct(
                                        m.getField("seq").as("seq"),
                                        m.getField("ts").as("ts"),
                                        m.getField("role").as("role"),
                                        redact.apply(m.getField("agent_id")).as("agent_id"),
                                        redact.apply(m.getField("event")).as("event"),
                                        element_at(col("redacted_texts"), i.plus(1))
                                                .as("text"))))
                .drop("redacted_texts")
                .withColumn("topic", redact.apply(col("topic")))
                .withColumn("channel", redact.apply(col("channel")))
                .withColumn("language", when(languageLabel, language))
                .withColumn("metadata", redactMetadata.apply(col("metadata")))
                .withColumn(
                        "customer_id",
                        when(customerIsPersonal, concat(lit("pii-"), substring(sha2(customer, 256), 1, 16)))
                                .otherwise(customer));
        return java.util.Arrays.asList(redacted.columns()).contains("raw") ? redacted.drop("raw") : redacted;
    }
}
