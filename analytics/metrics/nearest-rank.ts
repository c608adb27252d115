/**
 * Per value of `group` in `rows` (a query with the columns `group`, `value` and `chat`): how many
 * rows (`n`), and the median and p90 of `value` by nearest rank, the value at rank ⌈p·n⌉ with ties
 * broken by chat id. ROW_NUMBER rather than PERCENTILE_CONT, which SQLite lacks, so both engines
 * give the same numbers. Columns: grp, n, median, p90.
 */
export function nearestRankSql(rows: string, group: string, value: string): string {
    return `SELECT ranked.grp AS grp, MAX(ranked.n) AS n,
                MIN(CASE WHEN ranked.position * 2 >= ranked.n THEN ranked.v END) AS median,
                MIN(CASE WHEN ranked.position * 10 >= ranked.n * 9 THEN ranked.v END) AS p90
         FROM (
             SELECT r.${group} AS grp, r.${value} AS v,
                    ROW_NUMBER() OVER (PARTITION BY r.${group} ORDER BY r.${value}, r.chat) AS position,
                    COUNT(*) OVER (PARTITION BY r.${group}) AS n
             FROM (${rows}) r
         ) ranked
         GROUP BY ranked.grp`;
}
