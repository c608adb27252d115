/* What a database URL says, by plain string work: the extension can use it too. */

const POSTGRES_URL = /^postgres(?:ql)?:\/\//i;

export function isPostgresUrl(named: string | undefined): boolean {
    return named !== undefined && POSTGRES_URL.test(named.trim());
}

/** A PostgreSQL URL with any password replaced by `***` (URLs shown in the UI and logs never carry one). */
export function withoutPassword(url: string): string {
    return url.replace(/^(postgres(?:ql)?:\/\/[^:@/?#]*):[^@/?#]*@/i, '$1:***@');
}
