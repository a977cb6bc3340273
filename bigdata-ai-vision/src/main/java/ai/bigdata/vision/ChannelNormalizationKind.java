package ai.bigdata.vision;

import ai.bigdata.core.prep.Transform;
import ai.bigdata.core.prep.TransformKind;
import java.util.Map;

/** Reads {@link ChannelNormalizationTransform}s back from JSON; registered for {@link java.util.ServiceLoader}. */
public final class ChannelNormalizationKind implements TransformKind {
    /** The service-loader constructor. */
    public ChannelNormalizationKind() {
    }

    @Override
    public String kind() {
        return ChannelNormalizationTransform.KIND;
    }

    @Override
    public Transform fromParameters(Map<String, Object> parameters) {
        return ChannelNormalizationTransform.fromParameters(parameters);
    }
}
