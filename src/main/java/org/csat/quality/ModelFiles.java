package org.csat.quality;

import java.io.IOException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.sql.SparkSession;

/**
 * Where fitted models live on the warehouse's file system. A model is written to a temporary
 * sibling directory and renamed into place, so a crash never leaves a half-written model at
 * its versioned path (a re-run would otherwise load it).
 */
final class ModelFiles {
    private final SparkSession spark;

    ModelFiles(SparkSession spark) {
        this.spark = spark;
    }

    boolean exists(String path) throws IOException {
        Path p = new Path(path);
        return fs(p).exists(p);
    }

    void saveAtomically(MLWritable model, String path, String runId) throws IOException {
        Path target = new Path(path);
        Path temporary = new Path(path + ".tmp-" + runId);
        FileSystem fs = fs(target);
        fs.delete(temporary, true);
        model.write().overwrite().save(temporary.toString());
        fs.mkdirs(target.getParent());
        if (!fs.rename(temporary, target)) {
            throw new IOException("cannot move the model from " + temporary + " to " + target);
        }
    }

    private FileSystem fs(Path path) throws IOException {
        return path.getFileSystem(spark.sparkContext().hadoopConfiguration());
    }
}
