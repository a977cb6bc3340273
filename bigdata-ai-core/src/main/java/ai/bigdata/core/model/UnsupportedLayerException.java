package ai.bigdata.core.model;

/**
 * A network cannot be quantised because one of its layers (or a layer option, activation or
 * preprocessor) has no exact int8 counterpart; the message names the layer's index and type and what
 * is missing. Nothing is approximated silently.
 */
public final class UnsupportedLayerException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int layer;

    UnsupportedLayerException(int layer, String what, String why) {
        super("cannot quantise layer " + layer + " (" + what + "): " + why);
        this.layer = layer;
    }

    /** The index of the layer in the network, or -1 when the network as a whole is refused. */
    public int layer() {
        return layer;
    }
}
