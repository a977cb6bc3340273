package ai.bigdata.vision;

/** Which colour channels {@link ImageFolder} produces. */
public enum ChannelPolicy {
    /**
     * One channel. Colour pixels become their luma, {@code (19595 R + 38470 G + 7471 B + 32768) >> 16},
     * the ITU-R 601-2 weights that PIL's {@code convert("L")} uses.
     */
    GREY,
    /** Three channels, red, green, blue; grey pixels are repeated in all three. */
    RGB,
    /**
     * As stored: one channel for grey images (also palette images whose colours are all grey), three for
     * colour ones; every image must have the channel count of the first image kept, another count is a
     * bad input under the reader's error policy.
     */
    AS_STORED
}
