package ai.bigdata.core.federated;

/**
 * A client's answer to a round: its weighted update, in the clear ({@code plain}) or fixed-point and
 * masked ({@code masked}), and its last local training loss.
 */
record ClientUpdate(double[] plain, long[] masked, double loss) {
    int length() {
        return plain != null ? plain.length : masked.length;
    }
}
