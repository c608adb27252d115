/**
 * Per value of `group` in `rows` (a query with the columns `group` and `value`): how many rows
 * (`n`), and the median and p90 of `value` by nearest rank, the value at rank ⌈p·n⌉ in value
 * order. ROW_NUMBER-free and PERCENTILE_CONT-free (SQLite lacks the latter), so both engines give
 * the same numbers. Columns: grp, n, median, p90.
 *
 * The rows are first counted per (group, value): the value at rank k is the smallest value whose
 * running count reaches k. Durations repeat (logs keep seconds), so the windows run over a few
 * thousand (group, value) rows instead of one per row, and rows read from an index in (group,
 * value) order (box_leaves' key) are counted without sorting them.
 */
export function nearestRankSql(rows: string, group: string, value: string): string {
    return `SELECT ranked.grp AS grp, MAX(ranked.n) AS n,
                MIN(CASE WHEN ranked.running * 2 >= ranked.n THEN ranked.v END) AS median,
                MIN(CASE WHEN ranked.running * 10 >= ranked.n * 9 THEN ranked.v END) AS p90
         FROM (
             SELECT counted.grp AS grp, counted.v AS v,
                    SUM(counted.c) OVER (PARTITION BY counted.grp ORDER BY counted.v ROWS UNBOUNDED PRECEDING) AS running,
                    SUM(counted.c) OVER (PARTITION BY counted.grp) AS n
             FROM (SELECT r.${group} AS grp, r.${value} AS v, COUNT(*) AS c FROM (${rows}) r GROUP BY r.${group}, r.${value}) counted
         ) ranked
         GROUP BY ranked.grp`;
}
