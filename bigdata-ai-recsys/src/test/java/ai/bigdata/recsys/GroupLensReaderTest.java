package ai.bigdata.recsys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.bigdata.core.data.ColumnRole;
import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.io.DataFormatException;
import ai.bigdata.core.io.ErrorPolicy;
import ai.bigdata.core.testing.ArrowLeakCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(ArrowLeakCheck.class)
class GroupLensReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private static void assertRows(Interactions x) {
        assertThat(x.size()).isEqualTo(3);
        assertThat(new long[] {x.user(0), x.item(0), x.time(0)}).containsExactly(1, 31, 1260759144L);
        assertThat(x.rating(0)).isEqualTo(2.5f);
        assertThat(new long[] {x.user(2), x.item(2), x.time(2)}).containsExactly(2, 10, 835355493L);
        assertThat(x.rating(2)).isEqualTo(4f);
    }

    @Test
    void readsTheThreeGroupLensLayouts() throws IOException {
        Path csv = write("ratings.csv", "userId,movieId,rating,timestamp\n1,31,2.5,1260759144\n1,1029,3.0,1260759179\n2,10,4.0,835355493\n");
        Path tab = write("u.data", "1\t31\t2.5\t1260759144\n1\t1029\t3\t1260759179\n2\t10\t4\t835355493\n");
        Path dat = write("ratings.dat", "1::31::2.5::1260759144\n1::1029::3::1260759179\n\n2::10::4::835355493\n");
        assertRows(GroupLensReader.builder(csv).readInteractions(DuplicatePolicy.ERROR));
        assertRows(GroupLensReader.builder(tab).readInteractions(DuplicatePolicy.ERROR));
        assertRows(GroupLensReader.builder(dat).readInteractions(DuplicatePolicy.ERROR));
        try (InteractionsRead r = GroupLensReader.builder(dat).read()) {
            assertThat(r.lines()).isEqualTo(3);
            assertThat(r.skipped()).isZero();
            assertThat(r.data().schema().withRole(ColumnRole.USER).orElseThrow().name()).isEqualTo("user");
            assertThat(r.data().schema().withRole(ColumnRole.TIME).orElseThrow().name()).isEqualTo("timestamp");
        }
    }

    @Test
    void badLinesNameFileLineAndColumn() throws IOException {
        String header = "userId,movieId,rating,timestamp\n1,31,2.5,1260759144\n";
        assertBad(header + "1,32,2.5\n", 3, null, "expected 4 fields");
        assertBad(header + "1,x32,2.5,5\n", 3, "item", "'x32' is not an integer");
        assertBad(header + "1,32,NaN,5\n", 3, "rating", "not finite");
        assertBad(header + "1,32,Infinity,5\n", 3, "rating", "not finite");
        assertBad(header + "1,32,five,5\n", 3, "rating", "'five' is not a number");
        assertBad(header + "1,32,5.5,5\n", 3, "rating", "outside the declared scale [0.5, 5.0]");
        assertBad(header + "1,32,0,5\n", 3, "rating", "outside the declared scale");
        assertBad(header + "1,32,4,1.5e9\n", 3, "timestamp", "is not an integer");
        assertBad("user,item,rating,timestamp\n1,2,3,4\n", 1, null, "header must be userId,movieId,rating,timestamp");
    }

    private void assertBad(String text, long line, String column, String reason) throws IOException {
        Path f = write("ratings.csv", text);
        assertThatThrownBy(() -> GroupLensReader.builder(f).readInteractions(DuplicatePolicy.ERROR))
                .isInstanceOfSatisfying(DataFormatException.class, e -> {
                    assertThat(e.source()).isEqualTo(f.toString());
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.getMessage()).contains(reason).contains(f.toString());
                });
    }

    @Test
    void skipCountsBadLinesAndKeepsTheGoodOnes() throws IOException {
        Path f = write("u.data", "1\t2\t3\t4\n1\t3\t9\t4\nbroken\n2\t2\t1\t4\n");
        try (InteractionsRead r = GroupLensReader.builder(f).ratingScale(1, 5).onError(ErrorPolicy.SKIP).read()) {
            assertThat(r.lines()).isEqualTo(4);
            assertThat(r.skipped()).isEqualTo(2);
            assertThat(r.data().rowCount()).isEqualTo(2);
            assertThat(r.reasons()).hasSize(2);
            assertThat(r.reasons().get(0)).contains("line 2").contains("outside the declared scale [1.0, 5.0]");
            assertThat(r.reasons().get(1)).contains("line 3").contains("expected 4 fields separated by '\\t', found 1");
        }
    }

    @Test
    void duplicatesFollowThePolicy() throws IOException {
        Path f = write("ratings.dat", "1::10::2::100\n2::10::5::100\n1::10::4::200\n");
        assertThatThrownBy(() -> GroupLensReader.builder(f).readInteractions(DuplicatePolicy.ERROR))
                .isInstanceOfSatisfying(DuplicateInteractionException.class, e -> {
                    assertThat(e.user()).isEqualTo(1);
                    assertThat(e.item()).isEqualTo(10);
                    assertThat(e.firstRow()).isZero();
                    assertThat(e.secondRow()).isEqualTo(2);
                });
        Interactions last = GroupLensReader.builder(f).readInteractions(DuplicatePolicy.LAST_WINS);
        assertThat(last.size()).isEqualTo(2);
        assertThat(last.user(0)).isEqualTo(1);
        assertThat(last.rating(0)).isEqualTo(4f);
        assertThat(last.time(0)).isEqualTo(200);
        assertThat(last.rating(1)).isEqualTo(5f);
        Interactions sum = GroupLensReader.builder(f).readInteractions(DuplicatePolicy.SUM);
        assertThat(sum.rating(0)).isEqualTo(6f);
        assertThat(sum.time(0)).isEqualTo(200);
    }

    @Test
    void badSettingsAndUnknownLayoutsAreRefused() {
        assertThatThrownBy(() -> GroupLensReader.builder(dir.resolve("x.csv")).ratingScale(5, 1)).hasMessageContaining("[5.0, 1.0]");
        assertThatThrownBy(() -> GroupLensReader.builder(dir.resolve("x.csv")).onError(ErrorPolicy.QUARANTINE))
                .hasMessageContaining("QUARANTINE");
        assertThatThrownBy(() -> GroupLensFormat.of(dir.resolve("ratings.parquet"))).hasMessageContaining("ratings.parquet");
        assertThat(GroupLensFormat.of(Path.of("ml-100k/u1.base"))).isEqualTo(GroupLensFormat.TAB);
    }

    @Test
    void readsMoviesWithQuotedTitles() throws IOException {
        Path f = write("movies.csv", "movieId,title,genres\n1,Toy Story (1995),Adventure|Animation\n11,\"American President, The (1995)\",Comedy\n");
        try (Dataset movies = GroupLensReader.readMovies(f)) {
            assertThat(movies.rowCount()).isEqualTo(2);
            assertThat(movies.schema().withRole(ColumnRole.ITEM).orElseThrow().name()).isEqualTo("movieId");
            java.util.List<String> titles = new java.util.ArrayList<>();
            movies.forEachRow(r -> titles.add(r.getString("title")));
            assertThat(titles).containsExactly("Toy Story (1995)", "American President, The (1995)");
        }
    }
}
