/** pgpass 1.x: looks the password up in ~/.pgpass (or PGPASSFILE) as libpq does. */
declare module 'pgpass' {
    function pgpass(connection: { host?: string; port?: number; database?: string; user?: string }, callback: (password: string | undefined) => void): void;
    export default pgpass;
}
