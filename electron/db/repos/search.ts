import { type Expression, type SqlBool, sql } from 'kysely';

/** `%text%` for LIKE … ESCAPE '\', with the wildcards in the user's text escaped. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * "Any of these columns contains the text", as SQL: `LIKE '%…%'` with the wildcards in the
 * user's text escaped. SQLite's LIKE ignores case for ASCII letters only, which is what a search
 * box needs for references, titles and names; it is portable SQL (PostgreSQL would use ILIKE).
 */
export function containsText(columns: readonly string[], text: string): Expression<SqlBool> {
  const pattern = likePattern(text);
  return sql<SqlBool>`(${sql.join(
    columns.map((c) => sql`${sql.ref(c)} LIKE ${pattern} ESCAPE '\\'`),
    sql` OR `,
  )})`;
}
