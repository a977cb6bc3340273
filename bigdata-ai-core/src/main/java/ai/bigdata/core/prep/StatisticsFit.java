package ai.bigdata.core.prep;

/** The library's own partial fits, whose states are {@link PartialStatistics} and merge alike. */
interface StatisticsFit extends PartialFit<PartialStatistics> {
    /** {@inheritDoc} The statistics of {@code right} are merged into {@code left}, which is returned. */
    @Override
    default PartialStatistics merge(PartialStatistics left, PartialStatistics right) {
        return left.merge(right);
    }
}
