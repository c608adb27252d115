/**
 * What the metric queries need from a database: run a SELECT with `?` placeholders. SQLite
 * implements it here; a PostgreSQL store would number the placeholders ($1, $2...) and run the
 * same SQL, which sticks to standard SQL (CTEs, window functions, VALUES, CASE, LIMIT/OFFSET).
 */
export interface SqlRunner {
    all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
}

export type SqlValue = string | number | null;

export interface SqlQuery {
    sql: string;
    params: SqlValue[];
}

/**
 * A named table of constants as a CTE, e.g. `goal_box(goal, box) AS (VALUES (?, ?), (?, ?))`.
 * An empty table is a SELECT that returns no row, so the SQL stays valid and joins match nothing.
 */
export function valuesTable(name: string, columns: readonly string[], rows: ReadonlyArray<readonly SqlValue[]>): SqlQuery {
    const head = `${name}(${columns.join(', ')})`;
    if (rows.length === 0) {
        return { sql: `${head} AS (SELECT ${columns.map(() => "CAST(NULL AS VARCHAR(1))").join(', ')} FROM chat_facts WHERE 1 = 0)`, params: [] };
    }
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    return { sql: `${head} AS (VALUES ${rows.map(() => tuple).join(', ')})`, params: rows.flat() };
}

/** `column IN (?, ?)` (or NOT IN); with no values: a predicate that is false (true when negated). */
export function inPredicate(column: string, values: readonly string[], negate = false): SqlQuery {
    if (values.length === 0) return { sql: negate ? '1 = 1' : '1 = 0', params: [] };
    return { sql: `${column} ${negate ? 'NOT IN' : 'IN'} (${values.map(() => '?').join(', ')})`, params: [...values] };
}
