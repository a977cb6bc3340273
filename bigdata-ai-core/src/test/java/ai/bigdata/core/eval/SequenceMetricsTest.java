package ai.bigdata.core.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.internal.FloatRows;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

/** Word / phoneme error rates against cases counted by hand. */
class SequenceMetricsTest {

    @Test
    void levenshteinCountsSubstitutionsInsertionsAndDeletions() {
        assertThat(EditDistance.between(new int[] {1, 2, 3}, new int[] {1, 2, 3})).isZero();
        assertThat(EditDistance.between(new int[] {1, 2, 3}, new int[] {1, 5, 3})).isEqualTo(1);      // one substitution
        assertThat(EditDistance.between(new int[] {1, 2, 3}, new int[] {1, 3})).isEqualTo(1);         // one deletion
        assertThat(EditDistance.between(new int[] {1, 2, 3}, new int[] {1, 2, 3, 4, 4})).isEqualTo(2); // two insertions
        assertThat(EditDistance.between(new int[] {1, 2, 3}, new int[] {})).isEqualTo(3);
        assertThat(EditDistance.between(new int[] {}, new int[] {7, 7})).isEqualTo(2);
        // kitten -> sitting: k/s, e/i, +g = 3 (letters as ids)
        assertThat(EditDistance.between(ids("kitten"), ids("sitting"))).isEqualTo(3);
        // a swap of neighbours costs two edits, not one
        assertThat(EditDistance.between(new int[] {1, 2}, new int[] {2, 1})).isEqualTo(2);
    }

    @Test
    void ratesFromRowsEndingAtTheirFirstZero() {
        // reference      prediction       edits  wrong
        // 1 2 3 0 0      1 2 3 0 9        0      no  (after the first 0 nothing counts)
        // 4 5 0 0 0      4 6 0 0 0        1      yes
        // 7 8 9 9 0      7 9 9 0 0        1      yes (deletion)
        // 2 0 0 0 0      2 2 2 0 0        2      yes (two insertions)
        FloatRows truth = new FloatRows().read(Nd4j.createFromArray(new float[][] {
            {1, 2, 3, 0, 0}, {4, 5, 0, 0, 0}, {7, 8, 9, 9, 0}, {2, 0, 0, 0, 0}}));
        FloatRows predicted = new FloatRows().read(Nd4j.createFromArray(new float[][] {
            {1, 2, 3, 0, 9}, {4, 6, 0, 0, 0}, {7, 9, 9, 0, 0}, {2, 2, 2, 0, 0}}));
        SequenceTally tally = new SequenceTally();
        tally.add(predicted, truth, 0);
        SequenceReport report = new SequenceReport(tally);
        assertThat(report.sequences()).isEqualTo(4);
        assertThat(report.wrongSequences()).isEqualTo(3);
        assertThat(report.edits()).isEqualTo(4);
        assertThat(report.referenceTokens()).isEqualTo(3 + 2 + 4 + 1);
        assertThat(report.sequenceErrorRate()).isEqualTo(0.75);
        assertThat(report.tokenErrorRate()).isEqualTo(0.4);
        assertThat(report.metrics()).containsEntry("sequence_error_rate", 0.75).containsEntry("token_error_rate", 0.4)
                .containsEntry("sequence_accuracy", 0.25);
        assertThat(report.toJson()).contains("\"edits\" : 4");
        assertThat(report.toHtml()).contains("token_error_rate");
    }

    @Test
    void aValueThatIsNoIdIsNamed() {
        FloatRows truth = new FloatRows().read(Nd4j.createFromArray(new float[][] {{1, 2, 0}}));
        FloatRows predicted = new FloatRows().read(Nd4j.createFromArray(new float[][] {{1, 2.5f, 0}}));
        assertThatThrownBy(() -> new SequenceTally().add(predicted, truth, 40))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 40, position 1 of the prediction: 2.5");
    }

    private static int[] ids(String word) {
        return word.chars().toArray();
    }
}
