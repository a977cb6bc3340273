package ai.bigdata.spark;

import java.io.Serializable;

/**
 * What one partition's replica sends back after a round: its row count (its weight), the steps it took,
 * the summed training loss over the rows it trained on, and its parameters and optimiser state.
 *
 * @param partition the partition's index
 * @param rows the partition's rows
 * @param steps optimiser steps taken this round
 * @param lossSum the sum of batch loss times batch rows
 * @param lossRows the rows the loss sum covers
 * @param parameters the replica's flat parameters after the round
 * @param updaterState the replica's flat optimiser state after the round (empty when it has none)
 * @param seconds the task's time from reading the rows to the update's arrays
 */
record PartitionUpdate(int partition, long rows, long steps, double lossSum, long lossRows, float[] parameters, float[] updaterState,
        double seconds)
        implements Serializable {
}
