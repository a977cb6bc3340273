/**
 * Training across parties without sharing their rows: federated averaging (McMahan et al. 2017) with
 * FedProx's proximal term as an option, client-level differential privacy (clipped updates, Gaussian
 * noise on the aggregate, a Rényi-DP accountant) and simulated secure aggregation (pairwise masks that
 * cancel in the sum, so the server sees only the aggregate).
 *
 * <p>A {@link ai.bigdata.core.federated.FederatedAveraging} server drives rounds over
 * {@link ai.bigdata.core.federated.FederatedClient}s: threads in this JVM holding their own
 * {@code Dataset} ({@link ai.bigdata.core.federated.FederatedClient#local}), or other processes reached
 * over a socket ({@link ai.bigdata.core.federated.FederatedClient#remote}), each serving its data through
 * a {@link ai.bigdata.core.federated.ClientEndpoint}. Both kinds run the same local training through
 * core's {@code Trainer}, so the same seeds give the same model either way. Rows never leave a client:
 * the server receives signatures, row counts, public keys and (masked) parameter updates only.
 */
package ai.bigdata.core.federated;
