package ai.bigdata.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.testing.ArrowLeakCheck;
import ai.bigdata.core.testing.SharedData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ArrowLeakCheck.class)
class PartitionerTest {

    private static Dataset olive() {
        return Dataset.readCsv(SharedData.file("tabular/olive.csv")).label("region").chunkRows(100).read();
    }

    /** Each part's rows as "row text" strings; olive rows are unique, so parts can be checked for cover. */
    private static List<String> rows(Dataset d) {
        List<String> out = new ArrayList<>();
        d.forEachRow(r -> out.add(r.getString("area") + "|" + r.getDouble("palmitic") + "|" + r.getDouble("oleic") + "|"
                + r.getDouble("linoleic") + "|" + r.getDouble("eicosenoic")));
        return out;
    }

    private static Map<String, Integer> labelCounts(Dataset d) {
        Map<String, Integer> out = new HashMap<>();
        d.forEachRow(r -> out.merge(r.getString("region"), 1, Integer::sum));
        return out;
    }

    private static void assertDisjointCover(Dataset all, Partitioner p) {
        List<String> union = new ArrayList<>();
        for (Dataset part : p.all()) {
            try (part) {
                union.addAll(rows(part));
            }
        }
        List<String> expected = rows(all);
        union.sort(null);
        expected.sort(null);
        assertThat(union).isEqualTo(expected);
        assertThat(Arrays.stream(p.sizes()).sum()).isEqualTo((int) all.rowCount());
    }

    @Test
    void iidPartsAreEqualDisjointAndCoverEveryRow() {
        try (Dataset d = olive()) {
            Partitioner p = d.partition(5).iid().seed(3).build();
            assertThat(p.sizes()).containsOnly(114, 115);
            assertDisjointCover(d, p);
            try (Dataset first = p.part(0)) {
                assertThat(first.schema()).isEqualTo(d.schema());
            }
        }
    }

    @Test
    void sameSeedSamePartsOtherSeedOtherParts() {
        try (Dataset d = olive()) {
            Partitioner a = d.partition(4).labelSkew("region", 0.5).seed(11).build();
            Partitioner b = d.partition(4).labelSkew("region", 0.5).seed(11).build();
            Partitioner c = d.partition(4).labelSkew("region", 0.5).seed(12).build();
            int[] pa = new int[(int) d.rowCount()];
            int[] pb = new int[pa.length];
            int[] pc = new int[pa.length];
            for (int r = 0; r < pa.length; r++) {
                pa[r] = a.partOf(r);
                pb[r] = b.partOf(r);
                pc[r] = c.partOf(r);
            }
            assertThat(pa).isEqualTo(pb);
            assertThat(pa).isNotEqualTo(pc);
        }
    }

    @Test
    void smallConcentrationSkewsLabelsLargeOneKeepsThemMixed() {
        try (Dataset d = olive()) {
            Partitioner skewed = d.partition(6).labelSkew("region", 0.1).seed(5).build();
            Partitioner mixed = d.partition(6).labelSkew("region", 1000).seed(5).build();
            assertDisjointCover(d, skewed);
            assertDisjointCover(d, mixed);
            // share of the part's largest label: near 1 under strong skew, near the overall 323/572 when mixed
            assertThat(meanMajorityShare(skewed)).isGreaterThan(0.85);
            assertThat(meanMajorityShare(mixed)).isBetween(0.5, 0.65);
        }
    }

    private static double meanMajorityShare(Partitioner p) {
        double sum = 0;
        for (Dataset part : p.all()) {
            try (part) {
                Map<String, Integer> c = labelCounts(part);
                int max = c.values().stream().mapToInt(Integer::intValue).max().orElse(0);
                sum += max / (double) part.rowCount();
            }
        }
        return sum / p.count();
    }

    @Test
    void quantitySkewGivesUnequalSizesButMixedLabels() {
        try (Dataset d = olive()) {
            Partitioner p = d.partition(5).quantitySkew(0.5).minRows(5).seed(9).build();
            assertDisjointCover(d, p);
            int[] n = p.sizes();
            assertThat(Arrays.stream(n).min().getAsInt()).isGreaterThanOrEqualTo(5);
            assertThat(Arrays.stream(n).max().getAsInt()).isGreaterThan(2 * Arrays.stream(n).min().getAsInt());
        }
    }

    @Test
    void minRowsIsHonouredOrRefusedWithTheReason() {
        try (Dataset d = olive()) {
            Partitioner p = d.partition(10).labelSkew("region", 0.3).minRows(10).seed(1).build();
            assertThat(Arrays.stream(p.sizes()).min().getAsInt()).isGreaterThanOrEqualTo(10);
            assertThatThrownBy(() -> d.partition(100).minRows(6).build()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("600 rows").hasMessageContaining("572");
            assertThatThrownBy(() -> d.partition(3).labelSkew("region", 1e-6).minRows(150).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("label skew by 'region'")
                    .hasMessageContaining("raise the concentration");
        }
    }

    @Test
    void hostileArgumentsAreRefused() {
        try (Dataset d = olive()) {
            assertThatThrownBy(() -> d.partition(0)).hasMessageContaining("at least 1 part");
            assertThatThrownBy(() -> d.partition(3).labelSkew("region", Double.NaN)).hasMessageContaining("concentration");
            assertThatThrownBy(() -> d.partition(3).labelSkew("region", -1)).hasMessageContaining("concentration");
            assertThatThrownBy(() -> d.partition(3).quantitySkew(Double.POSITIVE_INFINITY)).hasMessageContaining("concentration");
            assertThatThrownBy(() -> d.partition(3).labelSkew("nope", 1)).isInstanceOf(ColumnNotFoundException.class);
            assertThatThrownBy(() -> d.partition(3).minRows(-1)).hasMessageContaining("minRows");
            Partitioner p = d.partition(3).build();
            assertThatThrownBy(() -> p.part(3)).hasMessageContaining("[0, 3)");
            assertThatThrownBy(() -> p.partOf(-1)).hasMessageContaining("row must be");
        }
    }
}
