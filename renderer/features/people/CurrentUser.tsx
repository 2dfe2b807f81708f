import { Avatar, Group, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconUserQuestion } from '@tabler/icons-react';
import { Link } from 'react-router';
import { initials } from './people-store';
import { PEOPLE_PATH } from './usePeopleBackground';
import { useVaultInfo } from '../vault/vault-info';

/** Who is using Attest (the audit log's actor), in the header; a click opens People. */
export function CurrentUser() {
  const user = useVaultInfo((i) => i.currentUser);
  if (!user) return null;
  const known = user.personId !== null;
  return (
    <Tooltip
      label={
        known
          ? 'Changes are recorded under your name. Open People to change who you are.'
          : 'Choose who you are on the People screen, so changes are recorded under your name.'
      }
      multiline
      w={260}
    >
      <UnstyledButton
        component={Link}
        to={PEOPLE_PATH}
        data-testid="current-user"
        aria-label={known ? `You are ${user.name}. Open People` : 'Choose who you are'}
        px={6}
        py={4}
        style={{ borderRadius: 'var(--mantine-radius-md)' }}
      >
        <Group gap={8} wrap="nowrap">
          <Avatar size={24} radius="xl" color={known ? 'teal' : 'gray'} aria-hidden>
            {known ? initials(user.name) : <IconUserQuestion size={14} />}
          </Avatar>
          <Text size="sm" c={known ? undefined : 'dimmed'} truncate="end" maw={140}>
            {known ? user.name : 'Who are you?'}
          </Text>
        </Group>
      </UnstyledButton>
    </Tooltip>
  );
}
