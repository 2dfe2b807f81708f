import { useDebouncedValue } from '@mantine/hooks';
import { IconFileText } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { PaletteRow } from '../../app/palette-store';
import { linkTo } from '../../app/routes';
import { useVaultQuery } from '../vault/use-vault-query';

/** Fewer letters than this match too much to be worth a search. */
const MIN_QUERY = 2;

/**
 * Evidence in the command palette: the words typed are searched by the server (SQLite FTS5 over
 * reference, title, file name, source and notes), never a list of every item kept in the
 * window — a vault holds tens of thousands. Each result opens the item's drawer.
 */
export function useEvidencePalette(query: string): PaletteRow[] {
  const navigate = useNavigate();
  const [typed] = useDebouncedValue(query.trim(), 150);
  const found = useVaultQuery(
    'evidence.search',
    { query: typed, limit: 8 },
    { enabled: typed.length >= MIN_QUERY },
  );
  const items = typed.length >= MIN_QUERY && query.trim() === typed ? found.data?.items : undefined;
  return useMemo(
    () =>
      (items ?? []).map((e) => ({
        entry: {
          id: `evidence:${e.id}`,
          group: 'Evidence',
          label: `${e.ref} ${e.title}`,
          // The server marks the matched words with [ ]; the palette highlights the query itself.
          description: e.snippet.replace(/[[\]]/g, ''),
          icon: <IconFileText size={18} stroke={1.6} aria-hidden />,
          run: () => void navigate(linkTo('evidence', e.id)),
        },
        also: [],
      })),
    [items, navigate],
  );
}
