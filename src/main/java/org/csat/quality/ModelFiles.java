package org.csat.quality;

import java.io.IOException;
import java.util.function.Supplier;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.ml.PipelineModel;
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

    /** A model and how it came to be: "loaded from ..." or how it was chosen when fitted. */
    record Versioned(PipelineModel model, String note) {}

    /**
     * The model saved at {@code path}, or, when there is none, the one {@code fit} returns,
     * saved there first ({@link #saveAtomically}): a version is fitted once, later runs load it.
     */
    Versioned loadOrFit(String path, String runId, Supplier<Versioned> fit) throws IOException {
        if (exists(path)) {
            return new Versioned(PipelineModel.load(path), "loaded from " + path);
        }
        Versioned fitted = fit.get();
        saveAtomically(fitted.model(), path, runId);
        return fitted;
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
