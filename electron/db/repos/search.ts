import { type Expression, type SqlBool, sql } from 'kysely';

/**
 * "Any of these columns contains the text", as SQL: `LIKE '%…%'` with the wildcards in the
 * user's text escaped. SQLite's LIKE ignores case for ASCII letters only, which is what a search
 * box needs for references, titles and names; it is portable SQL (PostgreSQL would use ILIKE).
 */
export function containsText(columns: readonly string[], text: string): Expression<SqlBool> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`(${sql.join(
    columns.map((c) => sql`${sql.ref(c)} LIKE ${pattern} ESCAPE '\\'`),
    sql` OR `,
  )})`;
}
