package ai.bigdata.nlp.embed;

/**
 * Keeps DJL, which loads the HuggingFace tokenizer, from reaching the network: without these settings,
 * creating a tokenizer asks the cloud metadata address for an instance id and reports usage
 * ("call home"), and DJL may download native libraries. Both are switched off here unless the user has
 * set them: {@code ai.djl.offline=true} and {@code OPT_OUT_TRACKING=true} (system properties; DJL lets the
 * environment variables {@code DJL_OFFLINE} and {@code OPT_OUT_TRACKING} override them).
 */
final class DjlOffline {
    private DjlOffline() {
    }

    /** Sets the two properties where they are not set yet. */
    static synchronized void ensure() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
    }
}
