import { Anchor, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import { linkTo } from '../../../app/routes';
import { WarningAlert } from '../../../components/WarningAlert';
import type { ConsistencyFinding } from '../policy-queries';

/**
 * Where a linked control's frequency disagrees with what a policy promises, each with its fix:
 * shown on the policy and on the control (`side` says which name to lead with).
 */
export function ConsistencyFindings(props: {
  findings: readonly ConsistencyFinding[];
  side: 'policy' | 'control';
}) {
  if (props.findings.length === 0) return null;
  const n = props.findings.length;
  return (
    <WarningAlert
      title={
        props.side === 'policy'
          ? `${n === 1 ? 'A linked control disagrees' : `${n} linked controls disagree`} with what this policy promises`
          : `${n === 1 ? 'A policy promises' : 'Policies promise'} another frequency than this control’s`
      }
      data-testid="consistency-findings"
    >
      <List size="sm" spacing={6}>
        {props.findings.map((f) => (
          <List.Item key={`${f.promiseId}:${f.controlId}`} data-testid="consistency-finding">
            <Text size="sm">
              {props.side === 'policy' ? (
                <>
                  <span className="attest-mono">{f.controlRef}</span>: “{f.promiseText}”
                </>
              ) : (
                <>
                  <Anchor component={Link} to={linkTo('policy', f.policyId)} size="sm">
                    {f.policyTitle}
                  </Anchor>
                  : “{f.promiseText}”
                </>
              )}
            </Text>
            <Text size="sm" c="dimmed">
              {f.fix}
            </Text>
          </List.Item>
        ))}
      </List>
    </WarningAlert>
  );
}
