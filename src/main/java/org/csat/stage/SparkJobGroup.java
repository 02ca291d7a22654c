package org.csat.stage;

import org.apache.spark.SparkContext;

/**
 * Labels the Spark jobs of one piece of work, so the Spark UI and event log say which stage ran
 * them, and restores the labels that were set before when the work ends, however it ends
 * (Iceberg's {@code BaseSparkAction.withJobGroupInfo} is the model). Spark keeps the group in
 * thread-local properties of the driver thread.
 */
final class SparkJobGroup {
    private static final String GROUP_ID = "spark.jobGroup.id";
    private static final String DESCRIPTION = "spark.job.description";
    private static final String INTERRUPT = "spark.job.interruptOnCancel";

    /** Work that may throw a checked exception. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }

    private SparkJobGroup() {}

    public static <T, E extends Exception> T around(
            SparkContext context, String group, String description, Work<T, E> work) throws E {
        String previousGroup = context.getLocalProperty(GROUP_ID);
        String previousDescription = context.getLocalProperty(DESCRIPTION);
        String previousInterrupt = context.getLocalProperty(INTERRUPT);
        context.setJobGroup(group, description, false);
        try {
            return work.run();
        } finally {
            context.setLocalProperty(GROUP_ID, previousGroup);
            context.setLocalProperty(DESCRIPTION, previousDescription);
            context.setLocalProperty(INTERRUPT, previousInterrupt);
        }
    }
}
