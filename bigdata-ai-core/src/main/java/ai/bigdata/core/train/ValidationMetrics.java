package ai.bigdata.core.train;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.eval.Evaluator;
import ai.bigdata.core.model.ModelSignature;
import ai.bigdata.core.model.Network;
import ai.bigdata.core.model.Task;
import java.util.LinkedHashMap;
import java.util.Map;

/** The metrics of a network on validation data after an epoch: {@code loss} (log loss, MSE, reconstruction error, or a sequence model's token error rate) and the report's metrics. */
final class ValidationMetrics {
    private ValidationMetrics() {
    }

    static Map<String, Double> of(Network model, ModelSignature sig, Dataset validation) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (sig.task() == Task.RECONSTRUCTION) {
            m.put("loss", ReconstructionError.mean(model, validation));
            return m;
        }
        if (model instanceof ai.bigdata.core.model.Seq2SeqNetwork) {
            // decoded id sequences: their error rates, not a mean squared error of ids
            Map<String, Double> sequences = Evaluator.sequence().batchSize(256).evaluate(model, validation).metrics();
            m.put("loss", sequences.get("token_error_rate"));
            m.putAll(sequences);
            return m;
        }
        boolean perImage = sig.task() == Task.SEGMENTATION || sig.task() == Task.DETECTION;
        Map<String, Double> all = Evaluator.any().batchSize(perImage ? 32 : 1024).evaluate(model, validation).metrics();
        if (sig.task() != Task.DETECTION) {
            // a detector has no validation loss here: monitor map_50
            m.put("loss", sig.task() == Task.REGRESSION ? all.get("mse") : all.get("log_loss"));
        }
        m.putAll(all);
        return m;
    }
}
