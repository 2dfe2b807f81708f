import { Divider, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type { SystemDescription } from '../../../../shared/api/sd';
import {
  COMPONENT_KINDS,
  SD_TEXT_KEYS,
  SD_TEXT_LABELS,
  type SdTextKey,
} from '../../../../shared/domain/system-description';
import { useApi } from '../../../api/provider';
import { useContractErrors } from '../forms/use-contract-errors';
import { useFieldAutosave } from '../forms/use-field-autosave';
import { ComponentInventory } from './ComponentInventory';
import { limitProps } from '../../../components/form/limits';
import { methods } from '../../../../shared/api/index';

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
  const [texts, setTexts] = useState(sd.texts);
  const { errors, capture, clear } = useContractErrors();
  const client = useApi();
  const { schedule } = useFieldAutosave<SdTextKey>(async (key, content) => {
    try {
      await client.call('sd.setText', { key, content: content as string });
      clear(key);
    } catch (e) {
      capture(e, { field: key });
    }
  });

  return (
    <Stack gap="xl">
      <Stack gap="md">
        {SD_TEXT_KEYS.map((key) => (
          <Textarea
            key={key}
            label={SD_TEXT_LABELS[key]}
            description={TEXT_HELP[key].description}
            placeholder={TEXT_HELP[key].placeholder}
            autosize
            minRows={2}
            maxRows={10}
            value={texts[key]}
            {...limitProps(methods['sd.setText'].input, 'content', texts[key])}
            onChange={(e) => {
              const content = e.currentTarget.value;
              setTexts((t) => ({ ...t, [key]: content }));
              schedule(key, content);
            }}
            error={errors[key]}
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
