package ai.bigdata.vision;

/** One decoded image: 8-bit values, channel-first ({@code [channels, height, width]}, row-major). */
record DecodedImage(byte[] pixels, int channels, int height, int width) {
}
