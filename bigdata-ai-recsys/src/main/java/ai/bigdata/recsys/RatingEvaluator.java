package ai.bigdata.recsys;

import java.util.OptionalDouble;

/**
 * RMSE and MAE of a recommender's scores against held-out ratings. Rows whose user or item had no training
 * interactions follow the {@link UnknownPolicy}: ERROR throws, SKIP leaves them out and counts them
 * ("warm rows only"), FALLBACK scores them by the model's baseline and counts them.
 */
public final class RatingEvaluator {
    private RatingEvaluator() {
    }

    /** Evaluates {@code model} on every row of {@code test}. */
    public static RatingReport evaluate(Recommender model, Interactions test, UnknownPolicy policy) {
        double se = 0;
        double ae = 0;
        long scored = 0;
        long skipped = 0;
        long fallback = 0;
        for (int r = 0; r < test.size(); r++) {
            boolean warm = model.knowsUser(test.user(r)) && model.knowsItem(test.item(r));
            OptionalDouble p = model.score(test.user(r), test.item(r), policy);
            if (p.isEmpty()) {
                skipped++;
                continue;
            }
            fallback += warm ? 0 : 1;
            double e = p.getAsDouble() - test.rating(r);
            se += e * e;
            ae += Math.abs(e);
            scored++;
        }
        if (scored == 0) {
            throw new IllegalArgumentException("no test row could be scored (" + test.size() + " rows, " + skipped + " skipped)");
        }
        return new RatingReport(model.name(), Math.sqrt(se / scored), ae / scored, scored, skipped, fallback);
    }
}
