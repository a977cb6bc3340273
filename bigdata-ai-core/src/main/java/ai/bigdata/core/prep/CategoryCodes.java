package ai.bigdata.core.prep;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maps an input column's dictionary codes to the positions of fitted categories (-1: unknown). */
final class CategoryCodes {
    private CategoryCodes() {
    }

    static int[] map(List<String> inputCategories, List<String> fitted) {
        Map<String, Integer> pos = new HashMap<>();
        for (int i = 0; i < fitted.size(); i++) {
            pos.put(fitted.get(i), i);
        }
        int[] out = new int[inputCategories.size()];
        for (int code = 0; code < out.length; code++) {
            out[code] = pos.getOrDefault(inputCategories.get(code), -1);
        }
        return out;
    }
}
