package org.csat.ingest;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;

/**
 * Carries the driver's Hadoop settings (file system credentials, endpoints) to the tasks
 * that open input files; Hadoop's Configuration itself is not serializable.
 */
final class SerializableHadoopConf implements Serializable {
    private static final long serialVersionUID = 1L;
    private final HashMap<String, String> entries = new HashMap<>();
    private transient Configuration conf;

    SerializableHadoopConf(Configuration source) {
        for (Map.Entry<String, String> entry : source) {
            entries.put(entry.getKey(), entry.getValue());
        }
    }

    Configuration get() {
        if (conf == null) {
            Configuration rebuilt = new Configuration(false);
            entries.forEach(rebuilt::set);
            conf = rebuilt;
        }
        return conf;
    }
}
