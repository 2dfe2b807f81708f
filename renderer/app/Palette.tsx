import { Kbd } from '@mantine/core';
import { Spotlight, type SpotlightActionGroupData } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import { useMemo } from 'react';
import { paletteEntries, usePalette } from './palette-store';

/** The command palette (Ctrl/Cmd+K): every registered screen, action and object. */
export function Palette() {
  const sources = usePalette((s) => s.sources);
  const actions = useMemo<SpotlightActionGroupData[]>(() => {
    const groups = new Map<string, SpotlightActionGroupData>();
    for (const entry of paletteEntries(sources)) {
      let group = groups.get(entry.group);
      if (!group) {
        group = { group: entry.group, actions: [] };
        groups.set(entry.group, group);
      }
      group.actions.push({
        id: entry.id,
        label: entry.label,
        description: entry.description,
        keywords: entry.keywords,
        leftSection: entry.icon,
        rightSection: entry.hint ? (
          <Kbd size="xs" aria-hidden>
            {entry.hint}
          </Kbd>
        ) : undefined,
        onClick: entry.run,
      });
    }
    return [...groups.values()];
  }, [sources]);

  return (
    <Spotlight
      actions={actions}
      shortcut={['mod + K']}
      tagsToIgnore={[]}
      nothingFound="Nothing matches. Try a screen name such as “Scope”, or an action such as “Verify”."
      highlightQuery
      // Big vaults register thousands of objects: show the best matches, not all of them.
      limit={60}
      scrollable
      maxHeight={440}
      radius="lg"
      attributes={{ content: { 'aria-label': 'Command palette' } }}
      scrollAreaProps={{ viewportProps: { tabIndex: 0, 'aria-label': 'Results' } }}
      searchProps={{
        leftSection: <IconSearch size={18} stroke={1.6} aria-hidden />,
        placeholder: 'Go to a screen or run an action…',
        'aria-label': 'Search screens and actions',
      }}
    />
  );
}
