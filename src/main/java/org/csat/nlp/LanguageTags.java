package org.csat.nlp;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/**
 * Language tags as the language check, the comparison's cut by language and the report compare
 * them: the primary subtag in lower case, with Norwegian "no" read as "nb" (Bokmål, what Lingua
 * and the phrase lists call it), so "pt-BR" and "pt_br" are "pt". The column form of
 * {@code config/LanguageSettings.primarySubtag}.
 */
public final class LanguageTags {
    private LanguageTags() {}

    /** The primary subtag of {@code tag}; "" when it has none, null when the tag is null. */
    public static Column primarySubtag(Column tag) {
        Column primary = regexp_extract(lower(trim(tag)), "^([a-z]+)", 1);
        return when(primary.equalTo("no"), lit("nb")).otherwise(primary);
    }

    /** The primary subtag, or 'und' (undetermined) for a missing or blank tag. */
    public static Column primarySubtagOrUndetermined(Column tag) {
        Column primary = primarySubtag(tag);
        return when(primary.isNull().or(primary.equalTo("")), lit(BuildSilverMessages.UNDETERMINED))
                .otherwise(primary);
    }
}
