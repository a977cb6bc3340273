package ai.bigdata.vision;

/** Distinct RGB colours for class ids in segmentation pictures: class 0 (background) is black. */
final class SegmentationColors {
    private static final int[] PALETTE = {0x000000, 0xe6194b, 0x3cb44b, 0xffe119, 0x4363d8, 0xf58231, 0x911eb4, 0x42d4f4,
        0xf032e6, 0xbfef45, 0xfabed4, 0x469990, 0xdcbeff, 0x9a6324, 0xfffac8, 0x800000};

    private SegmentationColors() {
    }

    /** The colour of class {@code id} (the palette repeats after 16 classes). */
    static int of(int id) {
        return PALETTE[Math.floorMod(id, PALETTE.length)];
    }
}
