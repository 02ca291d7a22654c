package org.csat.stage;

import java.io.IOException;
import org.apache.spark.sql.SparkSession;
import org.csat.config.PipelineConfig;
import org.csat.tables.Warehouse;

/**
 * One stage of the pipeline as one action: it reads what it needs, writes the tables it owns
 * and returns a typed result; its Spark jobs run under its own job group. Subclasses add fluent
 * setters that check their input, and implement {@link #doExecute}. Iceberg's Spark actions
 * ({@code BaseSparkAction}, {@code RewriteDataFilesSparkAction}) are the model.
 *
 * @param <R> what the stage reports: counts, rows written per table, what it decided
 */
public abstract class StageAction<R> {
    private final StageContext context;

    protected StageAction(StageContext context) {
        if (context == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " needs a stage context");
        }
        this.context = context;
    }

    /** Runs the stage under its job group ({@link #jobGroup}), restoring the caller's group afterwards. */
    public final R execute() throws IOException {
        checkReady();
        return SparkJobGroup.around(
                spark().sparkContext(), jobGroup(), jobDescription() + " (run " + run().id() + ")", this::doExecute);
    }

    /** The job group of the stage's Spark jobs, e.g. {@code INGEST}. */
    protected abstract String jobGroup();

    /** What the stage does, in a few words, for the Spark UI. */
    protected abstract String jobDescription();

    /** Throws {@link IllegalStateException} when a required setter was not called. */
    protected void checkReady() {}

    protected abstract R doExecute() throws IOException;

    protected final StageContext context() {
        return context;
    }

    protected final SparkSession spark() {
        return context.spark();
    }

    protected final Warehouse warehouse() {
        return context.warehouse();
    }

    protected final PipelineConfig config() {
        return context.config();
    }

    protected final Run run() {
        return context.run();
    }
}
