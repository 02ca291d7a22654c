package org.csat.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Apache ECharts, the chart library the report bundles so the page opens offline: its minified
 * build read from the {@code org.webjars.npm:echarts} jar on the classpath, at the version that
 * jar declares. Apache-2.0, so it may ship inside the GPL report.
 */
final class EchartsLibrary {
    private static final String POM = "META-INF/maven/org.webjars.npm/echarts/pom.properties";
    private static final String SCRIPT = "META-INF/resources/webjars/echarts/%s/dist/echarts.min.js";

    private EchartsLibrary() {}

    static String version() {
        Properties pom = new Properties();
        try (InputStream in = resource(POM)) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + POM, e);
        }
        return pom.getProperty("version");
    }

    /** The library's code, safe to put inside a {@code <script>} element. */
    static String script() {
        String path = SCRIPT.formatted(version());
        try (InputStream in = resource(path)) {
            return Scripts.inline(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = EchartsLibrary.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException(
                    path + " is not on the classpath: the report needs org.webjars.npm:echarts (see pom.xml)");
        }
        return in;
    }
}
