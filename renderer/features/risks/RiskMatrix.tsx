import { Box, Group, SimpleGrid, Stack, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import type { Risk } from '../../../shared/api/risks';
import { plural } from '../../components/format';
import { BAND_TONE, IMPACT_WORDS, LIKELIHOOD_WORDS, type RiskBand, riskBand } from './risk-labels';
import { type MatrixKind, binRisks } from './risk-matrix';
import { badgeVar } from '../../components/tone-fill';

export interface MatrixCell {
  kind: MatrixKind;
  likelihood: number;
  impact: number;
}

const SCORES = [1, 2, 3, 4, 5];

/** A band's cells in the palette's badge colours: calm, the count readable on every tint. */
const bandTint = (band: RiskBand) => ({
  background: badgeVar(BAND_TONE[band], 'bg'),
  color: badgeVar(BAND_TONE[band], 'fg'),
});

function MatrixTd(props: {
  kind: MatrixKind;
  title: string;
  likelihood: number;
  impact: number;
  ids: string[];
  selected: MatrixCell | null;
  onSelect(cell: MatrixCell | null): void;
}) {
  const { likelihood: l, impact: i, ids } = props;
  const band = riskBand(l * i);
  const isSelected =
    props.selected?.kind === props.kind &&
    props.selected.likelihood === l &&
    props.selected.impact === i;
  const label = `${props.title}: likelihood ${l} (${LIKELIHOOD_WORDS[l - 1]}), impact ${i} (${IMPACT_WORDS[i - 1]}), score ${l * i}: ${plural(ids.length, 'risk')}`;
  return (
    <td style={{ padding: 0 }}>
      <UnstyledButton
        w="100%"
        h={38}
        disabled={ids.length === 0}
        aria-label={label}
        aria-pressed={isSelected}
        data-cell={`${l}x${i}`}
        data-count={ids.length}
        onClick={() =>
          props.onSelect(isSelected ? null : { kind: props.kind, likelihood: l, impact: i })
        }
        style={{
          display: 'grid',
          placeItems: 'center',
          borderRadius: 'var(--mantine-radius-sm)',
          ...bandTint(band),
          outline: isSelected ? '2px solid var(--mantine-color-text)' : undefined,
          outlineOffset: -2,
          cursor: ids.length ? 'pointer' : 'default',
        }}
      >
        {ids.length > 0 && (
          <Text span fw={700} size="sm" aria-hidden>
            {ids.length}
          </Text>
        )}
      </UnstyledButton>
    </td>
  );
}

function Grid(props: {
  kind: MatrixKind;
  risks: readonly Risk[];
  selected: MatrixCell | null;
  onSelect(cell: MatrixCell | null): void;
}) {
  const cells = binRisks(props.risks, props.kind);
  const title = props.kind === 'inherent' ? 'Inherent risk' : 'Residual risk';
  const hint =
    props.kind === 'inherent' ? 'Before controls and treatment' : 'After controls and treatment';
  return (
    <Stack gap={6}>
      <Group gap={8} align="baseline">
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      </Group>
      <Group gap={6} wrap="nowrap" align="stretch">
        <Text
          size="xs"
          c="dimmed"
          ta="center"
          aria-hidden
          style={{ writingMode: 'vertical-rl', transform: 'rotate(180deg)' }}
        >
          Likelihood →
        </Text>
        <Box
          component="table"
          data-testid={`risk-matrix-${props.kind}`}
          style={{ borderCollapse: 'separate', borderSpacing: 3, width: '100%' }}
        >
          <caption style={{ captionSide: 'top', textAlign: 'center' }}>
            <VisuallyHidden>
              {title}: likelihood from 5 (almost certain, top) to 1 (rare), by impact from 1
              (negligible) to 5 (severe, right)
            </VisuallyHidden>
            <Text size="xs" c="dimmed" span aria-hidden>
              Impact →
            </Text>
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <VisuallyHidden>Likelihood</VisuallyHidden>
              </th>
              {SCORES.map((i) => (
                <Box
                  component="th"
                  scope="col"
                  key={i}
                  title={IMPACT_WORDS[i - 1]}
                  fz="xs"
                  c="dimmed"
                  fw={500}
                >
                  {i}
                </Box>
              ))}
            </tr>
          </thead>
          <tbody>
            {[...SCORES].reverse().map((l) => (
              <tr key={l}>
                <Box
                  component="th"
                  scope="row"
                  title={LIKELIHOOD_WORDS[l - 1]}
                  fz="xs"
                  c="dimmed"
                  fw={500}
                  w={16}
                >
                  {l}
                </Box>
                {SCORES.map((i) => (
                  <MatrixTd
                    key={i}
                    kind={props.kind}
                    title={title}
                    likelihood={l}
                    impact={i}
                    ids={cells[l - 1]![i - 1]!}
                    selected={props.selected}
                    onSelect={props.onSelect}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </Box>
      </Group>
    </Stack>
  );
}

/**
 * The 5×5 matrix twice, inherent beside residual, with the number of risks in each cell; a cell
 * with risks filters the register to them.
 */
export function RiskMatrix(props: {
  risks: readonly Risk[];
  selected: MatrixCell | null;
  onSelect(cell: MatrixCell | null): void;
}) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl" data-testid="risk-matrix">
      <Grid kind="inherent" {...props} />
      <Grid kind="residual" {...props} />
    </SimpleGrid>
  );
}
