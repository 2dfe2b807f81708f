import { Box } from '@mantine/core';
import { StatusBadge } from '../../components/status';
import { BAND_LABEL, BAND_TONE, riskBand } from './risk-labels';

/** A likelihood × impact score with its band: "4 × 4 = 16 · High". */
export function RiskScore(props: { likelihood: number; impact: number; compact?: boolean }) {
  const score = props.likelihood * props.impact;
  const band = riskBand(score);
  return (
    <Box component="span" style={{ flexShrink: 0, display: 'inline-flex' }}>
      <StatusBadge tone={BAND_TONE[band]}>
        {props.compact
          ? `${score} · ${BAND_LABEL[band]}`
          : `${props.likelihood} × ${props.impact} = ${score} · ${BAND_LABEL[band]}`}
      </StatusBadge>
    </Box>
  );
}
