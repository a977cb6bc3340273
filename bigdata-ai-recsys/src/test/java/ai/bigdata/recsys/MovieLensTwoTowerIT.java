package ai.bigdata.recsys;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.testing.SharedData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

class MovieLensTwoTowerIT {
    /** The MovieLens genres of {@code movies.csv} as item features, one token per genre. */
    static ItemFeatures genres() {
        Map<Long, List<String>> tokens = new TreeMap<>();
        try (Dataset movies = GroupLensReader.readMovies(SharedData.file("movielens-small/movies.csv"))) {
            movies.forEachRow(r -> {
                List<String> g = new ArrayList<>();
                for (String t : r.getString("genres").split("\\|")) {
                    if (!t.isBlank() && !t.equals("(no genres listed)")) {
                        g.add(t.trim());
                    }
                }
                tokens.put((long) r.getDouble("movieId"), g);
            });
        }
        return ItemFeatures.of(tokens);
    }
}
