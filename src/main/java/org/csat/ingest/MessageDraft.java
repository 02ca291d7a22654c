package org.csat.ingest;

import java.sql.Timestamp;

/** One message as read, before ordering; {@code position} is its place in the source. */
record MessageDraft(int position, Timestamp ts, String role, String agentId, String event, String text) {}
