package ai.bigdata.recsys;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The training interactions in index form: dense user and item indices and compressed rows both ways
 * (by user: item indices ascending with ratings; by item: user indices ascending with ratings).
 */
final class TrainingIndex {
    final IdIndex users;
    final IdIndex items;
    final int[] userStart;
    final int[] userItems;
    final float[] userRatings;
    final int[] itemStart;
    final int[] itemUsers;
    final float[] itemRatings;

    private TrainingIndex(IdIndex users, IdIndex items, int[] userStart, int[] userItems, float[] userRatings) {
        this.users = users;
        this.items = items;
        this.userStart = userStart;
        this.userItems = userItems;
        this.userRatings = userRatings;
        int nnz = userItems.length;
        itemStart = new int[items.size() + 1];
        for (int k = 0; k < nnz; k++) {
            itemStart[userItems[k] + 1]++;
        }
        for (int i = 0; i < items.size(); i++) {
            itemStart[i + 1] += itemStart[i];
        }
        itemUsers = new int[nnz];
        itemRatings = new float[nnz];
        int[] fill = itemStart.clone();
        for (int u = 0; u < users.size(); u++) {
            for (int k = userStart[u]; k < userStart[u + 1]; k++) {
                int p = fill[userItems[k]]++;
                itemUsers[p] = u;
                itemRatings[p] = userRatings[k];
            }
        }
    }

    static TrainingIndex of(Interactions train) {
        return of(train, new long[0]);
    }

    /** The index of {@code train} whose item ids also include {@code extraItems} (items without training interactions). */
    static TrainingIndex of(Interactions train, long[] extraItems) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("no training interactions");
        }
        long[] us = new long[train.size()];
        long[] is = new long[train.size()];
        for (int r = 0; r < train.size(); r++) {
            us[r] = train.user(r);
            is[r] = train.item(r);
        }
        IdIndex users = IdIndex.of(us);
        long[] allItems = java.util.Arrays.copyOf(is, is.length + extraItems.length);
        System.arraycopy(extraItems, 0, allItems, is.length, extraItems.length);
        IdIndex items = IdIndex.of(allItems);
        int[] start = new int[users.size() + 1];
        int[] uIdx = new int[train.size()];
        for (int r = 0; r < train.size(); r++) {
            uIdx[r] = users.index(us[r]);
            start[uIdx[r] + 1]++;
        }
        for (int u = 0; u < users.size(); u++) {
            start[u + 1] += start[u];
        }
        // rows bucketed by user (counting sort), then each user's segment sorted by item index: primitive
        // (item index, row) pairs, so 20 million rows sort in seconds without boxing
        long[] byUser = new long[train.size()];
        int[] fill = java.util.Arrays.copyOf(start, users.size());
        for (int r = 0; r < train.size(); r++) {
            byUser[fill[uIdx[r]]++] = ((long) items.index(is[r]) << 32) | r;
        }
        java.util.stream.IntStream.range(0, users.size()).parallel()
                .forEach(u -> java.util.Arrays.sort(byUser, start[u], start[u + 1]));
        int[] itemsOut = new int[train.size()];
        float[] ratings = new float[train.size()];
        for (int k = 0; k < byUser.length; k++) {
            itemsOut[k] = (int) (byUser[k] >>> 32);
            ratings[k] = train.rating((int) byUser[k]);
        }
        return new TrainingIndex(users, items, start, itemsOut, ratings);
    }

    int userCount(int u) {
        return userStart[u + 1] - userStart[u];
    }

    int itemCount(int i) {
        return itemStart[i + 1] - itemStart[i];
    }

    /** Whether item index {@code i} is among user {@code u}'s training items (binary search). */
    boolean seen(int u, int i) {
        return java.util.Arrays.binarySearch(userItems, userStart[u], userStart[u + 1], i) >= 0;
    }

    /**
     * The (user index, item index) pairs with a rating at least {@code threshold}, by user and then item.
     *
     * @throws IllegalArgumentException when there is none ({@code model} names the model in the message)
     */
    Positives positives(double threshold, String model) {
        int[] us = new int[userItems.length];
        int[] is = new int[userItems.length];
        int n = 0;
        boolean[] has = new boolean[users.size()];
        for (int u = 0; u < users.size(); u++) {
            for (int k = userStart[u]; k < userStart[u + 1]; k++) {
                if (userRatings[k] >= threshold) {
                    us[n] = u;
                    is[n++] = userItems[k];
                    has[u] = true;
                }
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("no positive interaction (rating >= " + threshold + ") to fit " + model + " on");
        }
        return new Positives(java.util.Arrays.copyOf(us, n), java.util.Arrays.copyOf(is, n), has);
    }

    /** Implicit positives: parallel user and item indices, and which users have one. */
    record Positives(int[] users, int[] items, boolean[] userHasOne) {
        /** Sets the factor rows ({@code rank} wide) of users without a positive to zero. */
        void zeroUsersWithout(float[] userFactors, int rank) {
            for (int u = 0; u < userHasOne.length; u++) {
                if (!userHasOne[u]) {
                    java.util.Arrays.fill(userFactors, u * rank, u * rank + rank, 0f);
                }
            }
        }
    }

    /**
     * A uniformly drawn item index that is not a positive of user {@code u} (a rating at least {@code threshold}), or -1
     * after 100 draws (u likes nearly everything): the negative of a sampled-negative loss.
     */
    int negative(int u, java.util.Random rnd, double threshold) {
        for (int tries = 0; tries < 100; tries++) {
            int j = rnd.nextInt(items.size());
            int at = java.util.Arrays.binarySearch(userItems, userStart[u], userStart[u + 1], j);
            if (at < 0 || userRatings[at] < threshold) {
                return j;
            }
        }
        return -1;
    }

    void write(DataOutputStream out) throws IOException {
        Codec.writeLongs(out, users.ids());
        Codec.writeLongs(out, items.ids());
        Codec.writeInts(out, userStart);
        Codec.writeInts(out, userItems);
        Codec.writeFloats(out, userRatings);
    }

    static TrainingIndex read(DataInputStream in) throws IOException {
        IdIndex users = IdIndex.of(Codec.readLongs(in));
        IdIndex items = IdIndex.of(Codec.readLongs(in));
        int[] start = Codec.readInts(in);
        int[] its = Codec.readInts(in);
        float[] rs = Codec.readFloats(in);
        if (start.length != users.size() + 1 || start[0] != 0 || start[users.size()] != its.length || rs.length != its.length) {
            throw new IOException("inconsistent training index");
        }
        for (int u = 0; u < users.size(); u++) {
            if (start[u + 1] < start[u]) {
                throw new IOException("inconsistent training index");
            }
        }
        for (int u = 0; u < users.size(); u++) {
            for (int k = start[u]; k < start[u + 1]; k++) {
                if (its[k] < 0 || its[k] >= items.size() || k > start[u] && its[k] <= its[k - 1]) {
                    throw new IOException("item index " + its[k] + " of user row " + u + " out of range or out of order");
                }
            }
        }
        return new TrainingIndex(users, items, start, its, rs);
    }
}
