import { Kbd, type ScrollAreaAutosizeProps } from '@mantine/core';
import { Spotlight } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useRef, useState } from 'react';
import { type PaletteRow, paletteRows, searchPalette, usePalette } from './palette-store';
import { useEvidencePalette } from '../features/evidence/useEvidencePalette';
import './palette.css';

/** Big vaults register thousands of objects: show the best matches, not all of them. */
const LIMIT = 60;

/**
 * The results scroll in a focusable, named viewport (axe: a scrollable region must be
 * reachable). The list passes these on to its ScrollArea, though its type does not say so.
 */
const RESULTS: object = {
  viewportProps: { tabIndex: 0, 'aria-label': 'Results' },
} satisfies Partial<ScrollAreaAutosizeProps>;

/** One object: its entry, and beside it the other actions on it ("Assess"). */
function Row({ row, run }: { row: PaletteRow; run(action: () => void): void }) {
  const { entry, also } = row;
  const main = (
    <Spotlight.Action
      label={entry.label}
      description={entry.description}
      leftSection={entry.icon}
      rightSection={
        entry.hint ? (
          <Kbd size="xs" aria-hidden>
            {entry.hint}
          </Kbd>
        ) : undefined
      }
      highlightQuery
      onClick={() => run(entry.run)}
    />
  );
  if (also.length === 0) return main;
  return (
    <div className="attest-palette-row">
      {main}
      {also.map((action) => (
        <Spotlight.Action
          key={action.id}
          className="attest-palette-also"
          aria-label={action.label}
          title={action.label}
          onClick={() => run(action.run)}
        >
          {action.icon}
          {action.actionLabel ?? action.label}
        </Spotlight.Action>
      ))}
    </div>
  );
}

/** The command palette (Ctrl/Cmd+K): every registered screen, action and object. */
export function Palette() {
  const sources = usePalette((s) => s.sources);
  const [query, setQuery] = useState('');
  const rows = useMemo(() => paletteRows(sources), [sources]);
  const evidence = useEvidencePalette(query);
  const groups = useMemo(() => {
    const local = searchPalette(rows, query, LIMIT);
    return evidence.length ? [...local, { group: 'Evidence', rows: evidence }] : local;
  }, [rows, query, evidence]);
  // An entry runs once the palette has gone, not while it closes: an action that opens a drawer
  // (New task, Add person…) would otherwise open it under the palette's closing focus trap, and
  // the next Ctrl+K after closing that drawer froze the window.
  const pending = useRef<(() => void) | null>(null);
  const run = (action: () => void) => {
    pending.current = action;
  };
  const runPending = () => {
    const action = pending.current;
    pending.current = null;
    action?.();
  };

  return (
    <Spotlight.Root
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      tagsToIgnore={[]}
      scrollable
      maxHeight={440}
      // Anchored below the header, not centred (the theme centres modals): a centred palette
      // jumps up and down as the list shrinks and grows with each key typed.
      centered={false}
      yOffset="12vh"
      radius="lg"
      attributes={{ content: { 'aria-label': 'Command palette' } }}
      transitionProps={{ onExited: runPending }}
    >
      <Spotlight.Search
        leftSection={<IconSearch size={18} stroke={1.6} aria-hidden />}
        placeholder="Go to a screen or run an action…"
        aria-label="Search screens and actions"
      />
      {groups.length > 0 ? (
        <Spotlight.ActionsList {...RESULTS}>
          {groups.map((g) => (
            <Spotlight.ActionsGroup key={g.group} label={g.group}>
              {g.rows.map((row) => (
                <Row key={row.entry.id} row={row} run={run} />
              ))}
            </Spotlight.ActionsGroup>
          ))}
        </Spotlight.ActionsList>
      ) : (
        <Spotlight.Empty>
          Nothing matches. Try a screen name such as “Scope”, or an action such as “Verify”.
        </Spotlight.Empty>
      )}
    </Spotlight.Root>
  );
}
