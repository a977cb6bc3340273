package ai.bigdata.core.federated;

import java.util.List;

/**
 * What the server asks of one client in one round.
 *
 * @param round 1-based
 * @param seed the seed of this client's local shuffle in this round
 * @param epochs local epochs
 * @param batchSize local batch size
 * @param proximalMu FedProx's mu (0: plain FedAvg)
 * @param learningRate the step size of FedProx's proximal step
 * @param clipNorm the L2 norm the update is clipped to (0: no clipping)
 * @param weight what the client multiplies its (clipped) update by before sending it
 * @param secure whether to mask the update (fixed point, pairwise masks)
 * @param self this client's position in {@code participantKeys}
 * @param participantKeys the public keys of this round's participants, in participant order
 * @param global the global parameters the client starts from
 */
record RoundTask(int round, long seed, int epochs, int batchSize, double proximalMu, double learningRate, double clipNorm,
        double weight, boolean secure, int self, List<byte[]> participantKeys, float[] global) {
}
