package ai.bigdata.core.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A checkpoint's training state with counters no run writes is refused before anything trains from it. */
class TrainingStateTest {
    private static Map<String, Object> written() {
        TrainingState s = new TrainingState();
        s.seed = 3;
        s.batchSize = 16;
        s.epoch = 2;
        s.history.add(new EpochRecord(1, 0.9, Map.of(), 1e-3, 1));
        s.history.add(new EpochRecord(2, 0.8, Map.of(), 1e-3, 1));
        s.batchInEpoch = 4;
        s.totalBatches = 40;
        s.lossRows = 64;
        return new LinkedHashMap<>(s.toMap());
    }

    @Test
    void aStateAsWrittenReadsBack() {
        TrainingState back = TrainingState.fromMap(written());
        assertThat(back.epoch).isEqualTo(2);
        assertThat(back.totalBatches).isEqualTo(40);
    }

    @Test
    void impossibleCountersAreRefused() {
        for (String field : new String[] {"epoch", "batchInEpoch", "totalBatches", "batchSize", "bestEpoch", "badEpochs", "lossRows"}) {
            Map<String, Object> m = written();
            m.put(field, field.equals("batchSize") ? 0 : -2_000_000_000);
            assertThatThrownBy(() -> TrainingState.fromMap(m)).as(field).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("training state is impossible");
        }
        for (int epoch : new int[] {0, 1, 3, 1_000_000}) {
            Map<String, Object> m = written();
            m.put("epoch", epoch);
            assertThatThrownBy(() -> TrainingState.fromMap(m)).as("epoch %d with 2 epochs of history", epoch)
                    .hasMessageContaining("training state is impossible");
        }
        Map<String, Object> m = written();
        m.put("bestEpoch", 3);
        assertThatThrownBy(() -> TrainingState.fromMap(m)).hasMessageContaining("best epoch 3");
    }
}
