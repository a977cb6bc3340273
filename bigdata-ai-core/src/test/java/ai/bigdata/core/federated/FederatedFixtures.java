package ai.bigdata.core.federated;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Partitioner;
import ai.bigdata.core.data.Split;
import ai.bigdata.core.prep.Impute;
import ai.bigdata.core.prep.Pipeline;
import ai.bigdata.core.prep.Scale;
import ai.bigdata.core.testing.SharedData;
import java.util.ArrayList;
import java.util.List;

/** Olive oils (572 rows, 8 fatty acids, label 'area' with 9 values), scaled, split into clients and a held-out part. */
final class FederatedFixtures implements AutoCloseable {
    final Dataset all;
    final Split split;
    final List<Dataset> parts = new ArrayList<>();

    FederatedFixtures(int clients, boolean skewed) {
        try (Dataset raw = Dataset.readCsv(SharedData.file("tabular/olive.csv")).label("area").read();
             Dataset olive = raw.drop("region")) {
            all = Pipeline.of(Impute.median(), Scale.standard()).fit(olive).apply(olive);
        }
        split = all.split().train(0.8).test(0.2).stratifyBy("area").seed(4).build();
        Partitioner p = skewed ? split.train().partition(clients).labelSkew("area", 0.5).minRows(20).seed(8).build()
                : split.train().partition(clients).iid().seed(8).build();
        parts.addAll(p.all());
    }

    List<FederatedClient> localClients() {
        List<FederatedClient> out = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            out.add(FederatedClient.local("client-" + i, parts.get(i)));
        }
        return out;
    }

    @Override
    public void close() {
        parts.forEach(Dataset::close);
        split.close();
        all.close();
    }
}
