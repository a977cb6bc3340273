package ai.bigdata.nlp.embed;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link SentenceEncoder} per settings for the whole JVM, loaded at first use and kept until the JVM
 * exits, for the transforms: a transform has no close, and a model loaded per transform or per request
 * would cost seconds and 90 MB each time.
 */
final class SharedEncoders {
    private static final Map<EncoderSettings, SentenceEncoder> ENCODERS = new ConcurrentHashMap<>();

    private SharedEncoders() {
    }

    /** The shared encoder with these settings. */
    static SentenceEncoder get(EncoderSettings settings) {
        return ENCODERS.computeIfAbsent(settings, SentenceEncoder::allMiniLmL6V2);
    }
}
