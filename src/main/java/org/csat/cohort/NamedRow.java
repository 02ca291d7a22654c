package org.csat.cohort;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * A row of a wide table filled by column name rather than by position, so a row of 30-odd
 * columns reads as what each value is, and a misspelt column or a required one left unset fails
 * at once instead of shifting every later value.
 */
final class NamedRow {
    private final StructType schema;
    private final Object[] values;

    NamedRow(StructType schema) {
        this.schema = schema;
        this.values = new Object[schema.size()];
    }

    NamedRow set(String column, Object value) {
        values[schema.fieldIndex(column)] = value;
        return this;
    }

    Row build() {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null && !schema.fields()[i].nullable()) {
                throw new IllegalStateException("column " + schema.fields()[i].name() + " must be set");
            }
        }
        return RowFactory.create(values.clone());
    }
}
