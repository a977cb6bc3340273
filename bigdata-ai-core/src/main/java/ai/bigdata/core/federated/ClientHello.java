package ai.bigdata.core.federated;

import ai.bigdata.core.model.ModelSignature;

/** What a client tells the server at hand-shake: the columns it trains on, how many rows, and its key-agreement public key. */
record ClientHello(ModelSignature signature, long rows, byte[] publicKey) {
}
