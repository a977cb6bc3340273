package ai.bigdata.core.prep;

import ai.bigdata.core.data.Dataset;
import ai.bigdata.core.data.Schema;

/**
 * A step whose fitted transform depends on the data's schema alone (which columns, their types and
 * widths), never on a value: it fits from parts of the data exactly as from the whole. The state carries
 * the transform fitted from the parts' schema, as its JSON, and counts rows.
 */
interface SchemaOnlyFit extends StatisticsFit {
    /** The transform for data of this schema; fails naming a missing or mistyped column as {@link #fit} does. */
    Transform fitSchema(Schema schema);

    @Override
    default Transform fit(Dataset data) {
        return fitSchema(data.schema());
    }

    /** {@inheritDoc} Nothing is gathered: the state holds the transform for {@code schema}. */
    @Override
    default PartialStatistics newState(Schema schema) {
        return PartialStatistics.ofTransform(fitSchema(schema));
    }

    @Override
    default PartialStatistics accumulate(PartialStatistics state, Dataset part) {
        state.addRows(part);
        return state;
    }

    /** {@inheritDoc} Exact (it has no statistics); like {@link #fit}, it needs no rows. */
    @Override
    default Transform finish(PartialStatistics state) {
        return state.transform();
    }
}
