package ai.bigdata.spark;

/**
 * One round of {@link SparkTrainer}: every partition trained a replica and the replicas were averaged.
 *
 * @param round the round, from 1
 * @param trainLoss the mean training loss over all rows the replicas trained on this round
 * @param partitions the partitions that trained (those with rows)
 * @param steps the most local optimiser steps any partition took
 * @param seconds wall-clock seconds of the round on the driver (job, averaging and broadcast)
 * @param slowestPartitionSeconds the longest time a partition's task spent reading its rows, training and
 *     copying its update out (the rest of {@code seconds} is scheduling, shipping and averaging)
 */
public record SparkRound(int round, double trainLoss, int partitions, long steps, double seconds, double slowestPartitionSeconds) {
}
