package ai.bigdata.core.federated;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.model.Network;

/** A client in this JVM: its training runs on the server's worker thread, against its own dataset. */
final class LocalClient extends FederatedClient {
    private final ClientTraining training;

    LocalClient(String name, Dataset data) {
        super(name);
        this.training = new ClientTraining(data);
    }

    @Override
    ClientHello hello() {
        return training.hello();
    }

    @Override
    void ship(Network network) {
        training.adopt(network);
    }

    @Override
    ClientUpdate train(RoundTask task) {
        return training.train(task);
    }
}
