package org.csat.stage;

/**
 * Where a job reports its stages while they run: when one starts, how it is getting on (at most
 * every few seconds, so a long stage shows it is alive), and what it did when it ends. The nightly
 * command prints these lines so a person watching, or a scheduler's log, sees progress during a
 * run of minutes; {@link #NONE} is for callers that want no reports (tests, notebooks).
 */
public interface StageProgress {
    /** Reports nothing. */
    StageProgress NONE = new StageProgress() {
        @Override
        public void started(String stage) {}

        @Override
        public void running(String stage, double seconds, String state) {}

        @Override
        public void finished(String stage, double seconds, String outcome) {}
    };

    void started(String stage);

    /** The stage has run {@code seconds} so far; {@code state} says how far it is, in words. */
    void running(String stage, double seconds, String state);

    /** The stage ended after {@code seconds}; {@code outcome} says what it did (rows, rate). */
    void finished(String stage, double seconds, String outcome);
}
