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
    }
}
