import { Divider, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { z } from 'zod';
import type { SystemDescription } from '../../../../shared/api/sd';
import {
  COMPONENT_KINDS,
  SD_TEXT_KEYS,
  SD_TEXT_LABELS,
  type SdTextKey,
} from '../../../../shared/domain/system-description';
import { useApi } from '../../../api/provider';
import { useAutosaveForm } from '../../../components/form/use-autosave-form';
import { ComponentInventory } from './ComponentInventory';
import { methods } from '../../../../shared/api/index';

/** The four texts as one record for the form: each is `sd.setText`'s `content`. */
const TEXTS = z.object(
  Object.fromEntries(SD_TEXT_KEYS.map((key) => [key, methods['sd.setText'].input.shape.content])),
);

const TEXT_HELP: Record<SdTextKey, { description: string; placeholder: string }> = {
  services: {
    description:
      'Starts from the services named in the first step; a change here changes the description only.',
    placeholder: 'What the system does for customers',
  },
  commitments: {
    description: 'What customers are promised in contracts, SLAs and published terms.',
    placeholder:
      'e.g. 99.9 % monthly availability; encryption in transit and at rest; incident notice within 72 hours',
  },
  systemRequirements: {
    description: 'How the system must work to keep those promises, and the laws it must follow.',
    placeholder: 'e.g. production access only with MFA; every change reviewed before release',
  },
  boundaries: {
    description: 'What is inside the system and, just as useful, what is not.',
    placeholder: 'e.g. the production platform and its build pipeline; not the marketing website',
  },
};

/** Step 4: the description's own words (DC 1–3) and the five kinds of component. */
export function DescriptionStep({ sd }: { sd: SystemDescription }) {
  const [initial] = useState(sd.texts);
  const client = useApi();
  const { field, counter } = useAutosaveForm<Record<SdTextKey, string>, unknown>({
    values: initial,
    patchSchema: TEXTS,
    labels: SD_TEXT_LABELS,
    saveField: (key, content) => client.call('sd.setText', { key, content: content as string }),
  });

  return (
    <Stack gap="xl">
      <Stack gap="md">
        {SD_TEXT_KEYS.map((key) => (
          <Textarea
            key={key}
            label={SD_TEXT_LABELS[key]}
            description={[TEXT_HELP[key].description, counter(key)].filter(Boolean).join(' · ')}
            placeholder={TEXT_HELP[key].placeholder}
            autosize
            minRows={2}
            maxRows={10}
            {...field(key)}
          />
        ))}
      </Stack>
      <Divider />
      <Stack gap="lg">
        <div>
          <Title order={3} size="h4">
            Components of the system
          </Title>
          <Text size="xs" c="dimmed">
            A short inventory of each kind. Name the main items; the auditor asks for detail when
            needed.
          </Text>
        </div>
        {COMPONENT_KINDS.map((kind) => (
          <ComponentInventory key={kind} kind={kind} items={sd.components[kind]} />
        ))}
      </Stack>
    </Stack>
  );
}
