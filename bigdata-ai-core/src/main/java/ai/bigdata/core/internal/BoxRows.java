package ai.bigdata.core.internal;

import ai.bigdata.core.data.Column;
import ai.bigdata.core.data.InvalidBoxException;

/**
 * Checks rows of a boxes column ({@link Column#isBoxes()}): each box {@code (class id, x0, y0, x1, y1)} has a
 * whole class id in {@code [1, classes]} and finite corners with {@code 0 <= x0 <= x1 < width} and
 * {@code 0 <= y0 <= y1 < height} (the image's size, when known), or is all zeros (no box).
 */
public final class BoxRows {
    private BoxRows() {
    }

    /**
     * Checks one row's boxes, {@code values[offset ...]} ({@code maxBoxes * 5} floats).
     *
     * @param height the image height in pixels, or 0 when unknown
     * @param width the image width in pixels, or 0 when unknown
     * @param row the row's position in the dataset (for the message)
     * @throws InvalidBoxException naming column, row and box when a box is invalid
     */
    public static void check(Column col, float[] values, int offset, int height, int width, long row) {
        int classes = col.categories().size();
        int boxes = col.shape()[0];
        for (int b = 0; b < boxes; b++) {
            int at = offset + 5 * b;
            float id = values[at];
            for (int j = 0; j < 5; j++) {
                if (!Float.isFinite(values[at + j])) {
                    throw new InvalidBoxException(col.name(), row, b, "value " + j + " is " + values[at + j] + ", not finite");
                }
            }
            if (id == 0) {
                if (values[at + 1] != 0 || values[at + 2] != 0 || values[at + 3] != 0 || values[at + 4] != 0) {
                    throw new InvalidBoxException(col.name(), row, b, "class id 0 marks no box, but the corners are not all 0");
                }
                continue;
            }
            if (id != (int) id || id < 1 || id > classes) {
                throw new InvalidBoxException(col.name(), row, b, "class id " + id + " is not one of the column's " + classes
                        + " classes (ids 1 to " + classes + ", 0 for no box)");
            }
            float x0 = values[at + 1];
            float y0 = values[at + 2];
            float x1 = values[at + 3];
            float y1 = values[at + 4];
            if (x1 < x0 || y1 < y0) {
                throw new InvalidBoxException(col.name(), row, b, "negative width or height: (x0, y0, x1, y1) = (" + x0 + ", " + y0
                        + ", " + x1 + ", " + y1 + ")");
            }
            if (x0 < 0 || y0 < 0 || (width > 0 && x1 >= width) || (height > 0 && y1 >= height)) {
                throw new InvalidBoxException(col.name(), row, b, "(x0, y0, x1, y1) = (" + x0 + ", " + y0 + ", " + x1 + ", " + y1
                        + ") lies outside the " + width + " x " + height + " image");
            }
        }
    }
}
