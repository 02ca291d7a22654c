package org.csat.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A SQL notebook in Databricks' notebook source format, which Databricks imports as it is and
 * any SQL editor can read: the first line {@code -- Databricks notebook source}, cells separated
 * by {@code -- COMMAND ----------} lines, a markdown cell written as {@code -- MAGIC %md} followed
 * by {@code -- MAGIC} lines, and a SQL cell holding one statement (its leading {@code --} lines
 * are comments; a closing {@code ;} is optional). {@code bin/csat query --file} and the tests run
 * the SQL cells in order.
 */
public final class SqlNotebook {
    static final String HEADER = "-- Databricks notebook source";
    static final String SEPARATOR = "-- COMMAND ----------";
    private static final String MAGIC = "-- MAGIC";

    /** One cell: markdown text for the reader, or a SQL statement (without its closing semicolon). */
    public record Cell(boolean markdown, String text) {
        /** The statement of a SQL cell, for {@code spark.sql}. */
        public String sql() {
            if (markdown) {
                throw new IllegalStateException("a markdown cell has no SQL");
            }
            return text;
        }

        /** A SQL cell's leading {@code --} comment lines, without the dashes; empty if none. */
        public String comment() {
            if (markdown) {
                return "";
            }
            StringBuilder comment = new StringBuilder();
            for (String line : text.lines().toList()) {
                if (!line.strip().startsWith("--")) {
                    break;
                }
                comment.append(line.strip().substring(2).strip()).append('\n');
            }
            return comment.toString().strip();
        }
    }

    private SqlNotebook() {}

    public static List<Cell> read(Path file) throws IOException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException for a text that is not Databricks notebook source */
    public static List<Cell> parse(String text) {
        List<String> lines = text.lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER)) {
            throw new IllegalArgumentException("not a notebook: the first line must be '" + HEADER + "'");
        }
        List<Cell> cells = new ArrayList<>();
        List<String> cell = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.strip().equals(SEPARATOR)) {
                addCell(cells, cell);
                cell.clear();
            } else {
                cell.add(line);
            }
        }
        addCell(cells, cell);
        return cells;
    }

    private static void addCell(List<Cell> cells, List<String> lines) {
        int first = 0;
        int last = lines.size() - 1;
        while (first <= last && lines.get(first).isBlank()) {
            first++;
        }
        while (last >= first && lines.get(last).isBlank()) {
            last--;
        }
        if (first > last) {
            return;
        }
        List<String> content = lines.subList(first, last + 1);
        if (content.get(0).strip().startsWith(MAGIC)) {
            if (!content.get(0).strip().substring(MAGIC.length()).strip().startsWith("%md")) {
                throw new IllegalArgumentException("only markdown (%md) and SQL cells can run here, got '"
                        + content.get(0).strip() + "'");
            }
            cells.add(new Cell(true, markdown(content)));
            return;
        }
        String sql = String.join("\n", content).strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        cells.add(new Cell(false, sql));
    }

    private static String markdown(List<String> content) {
        StringBuilder text = new StringBuilder();
        for (String line : content) {
            String stripped = line.strip();
            if (!stripped.startsWith(MAGIC)) {
                throw new IllegalArgumentException("a markdown cell mixes '-- MAGIC' lines with '" + stripped + "'");
            }
            String body = stripped.substring(MAGIC.length());
            body = body.startsWith(" ") ? body.substring(1) : body;
            if (body.strip().equals("%md")) {
                continue;
            }
            if (body.startsWith("%md ")) {
                body = body.substring(4);
            }
            text.append(body).append('\n');
        }
        return text.toString().strip();
    }
}
