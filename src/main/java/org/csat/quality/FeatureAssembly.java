package org.csat.quality;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The feature stages the CSAT and resolution models share: the numeric features of
 * {@link ConversationFeatures} in one vector and, when {@code textFeatures} &gt; 0, that many
 * hashed binary bag-of-words features of the customer's words, joined into {@code features}.
 * {@link #grid} pairs each regularization strength with and without the word features, so
 * cross-validation decides whether the words help.
 */
final class FeatureAssembly {
    private final List<PipelineStage> stages = new ArrayList<>();
    private final List<String[]> featureSets = new ArrayList<>();
    private final VectorAssembler features;

    FeatureAssembly(List<String> numeric, int textFeatures) {
        stages.add(new VectorAssembler()
                .setInputCols(numeric.toArray(new String[0]))
                .setOutputCol("numeric_features"));
        featureSets.add(new String[] {"numeric_features"});
        if (textFeatures > 0) {
            stages.add(new HashingTF()
                    .setInputCol("customer_words")
                    .setOutputCol("text_features")
                    .setNumFeatures(textFeatures)
                    .setBinary(true));
            featureSets.add(new String[] {"numeric_features", "text_features"});
        }
        features = new VectorAssembler().setInputCols(featureSets.get(0)).setOutputCol("features");
        stages.add(features);
    }

    /** The stages, ending with the assembler of {@code features}; add the estimator after them. */
    List<PipelineStage> stages() {
        return new ArrayList<>(stages);
    }

    /** Every strength with every feature set. */
    ParamMap[] grid(DoubleParam regParam, double[] strengths) {
        return new ParamGridBuilder()
                .addGrid(regParam, strengths)
                .addGrid(features.inputCols(), CollectionConverters.asScala(featureSets))
                .build();
    }

    /** Whether a fitted pipeline (these stages, then the estimator's model) uses the word features. */
    static boolean usesWords(Transformer[] fitted) {
        return ((VectorAssembler) fitted[fitted.length - 2]).getInputCols().length > 1;
    }

    /** The columns the fitted stages add, to drop after predicting. */
    static final String[] COLUMNS = {"numeric_features", "text_features", "features"};
}
