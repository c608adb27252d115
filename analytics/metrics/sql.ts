/**
 * What the metric queries need from a database: run a SELECT with `?` placeholders. Both engines
 * run the same SQL, which sticks to standard SQL (CTEs, window functions, VALUES, CASE,
 * LIMIT/OFFSET, string_agg); PostgreSQL's runner numbers the placeholders ($1, $2...). The few
 * spellings that differ go through the functions below, keyed by `dialect`.
 */
export interface SqlRunner {
    readonly dialect: 'sqlite' | 'postgres';
    all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
}

/** The character with this code, as an SQL expression (SQLite `char`, PostgreSQL `chr`). */
export function charSql(db: SqlRunner, code: number): string {
    return db.dialect === 'postgres' ? `chr(${code})` : `char(${code})`;
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
    // Numbers are typed: PostgreSQL takes an untyped parameter in VALUES for text.
    const tuple = `(${rows[0].map(value => (typeof value === 'number' ? 'CAST(? AS BIGINT)' : '?')).join(', ')})`;
    return { sql: `${head} AS (VALUES ${rows.map(() => tuple).join(', ')})`, params: rows.flat() };
}

/** `column IN (?, ?)` (or NOT IN); with no values: a predicate that is false (true when negated). */
export function inPredicate(column: string, values: readonly string[], negate = false): SqlQuery {
    if (values.length === 0) return { sql: negate ? '1 = 1' : '1 = 0', params: [] };
    return { sql: `${column} ${negate ? 'NOT IN' : 'IN'} (${values.map(() => '?').join(', ')})`, params: [...values] };
}

/**
 * A table of text pairs `(a, b)` as a SELECT over one JSON parameter: any number of rows, where
 * `valuesTable` would need two placeholders a row (SQLite takes 32,766 a statement).
 */
export function jsonPairs(db: SqlRunner, rows: ReadonlyArray<readonly [string, string]>): SqlQuery {
    const sql = db.dialect === 'postgres'
        ? 'SELECT j.value ->> 0 AS a, j.value ->> 1 AS b FROM json_array_elements(CAST(? AS json)) j'
        : "SELECT json_extract(j.value, '$[0]') AS a, json_extract(j.value, '$[1]') AS b FROM json_each(?) j";
    return { sql, params: [JSON.stringify(rows)] };
}
