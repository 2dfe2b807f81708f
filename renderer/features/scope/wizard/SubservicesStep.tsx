import { Badge, Button, Group, Stack, Switch, Text } from '@mantine/core';
import { IconBuildingFactory2, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { LINKS } from '../../../app/routes';
import type { Subservice, SystemDescription } from '../../../../shared/api/sd';
import { REPORT_TYPE_LABELS } from '../../../../shared/domain/engagement';
import { SUBSERVICE_METHOD_LABELS } from '../../../../shared/domain/system-description';
import { RecordList } from '../../../components/RecordList';
import { StepEmpty } from '../../../components/StepEmpty';
import { formatDate, formatDateRange } from '../../../components/format';
import { useScopeControls } from '../scope-queries';
import { ConfirmNone } from './ConfirmNone';
import { SubserviceDrawer } from './SubserviceDrawer';
import { OPINION_LABELS } from './subservice-form';
import { useArchiveSdRecord } from './sd-save';

function reportSummary(org: Subservice): string {
  const r = org.report;
  if (!r.type) return 'Their SOC report: not received yet';
  const when =
    r.type === 'type2' && r.periodStart && r.periodEnd
      ? formatDateRange(r.periodStart, r.periodEnd)
      : r.periodEnd
        ? `as of ${formatDate(r.periodEnd)}`
        : 'dates not given';
  const opinion = r.opinion ? ` · ${OPINION_LABELS[r.opinion]}` : '';
  // What readiness asks of a reviewed report, at a glance: its exceptions weighed, the gap bridged.
  const exceptions =
    r.reviewedOn && r.exceptionsAssessment === 'not_assessed' ? ' · exceptions not assessed' : '';
  const letter = r.bridgeLetter
    ? ` · bridge letter to ${formatDate(r.bridgeLetter.periodEnd)}`
    : '';
  return `${REPORT_TYPE_LABELS[r.type]} report, ${when}${opinion}${exceptions}${letter}`;
}

const SUBSERVICE_PARAM = LINKS.subservice.idParam;

/** Question 7: the subservice organisations (DC 7), each opened in a drawer. */
export function SubservicesStep({ sd }: { sd: SystemDescription }) {
  // The open drawer is in the address (`&subservice=sso_…`, or `new`), so a readiness finding
  // about a vendor links straight to it, and a reload keeps it open.
  const [params, setParams] = useSearchParams();
  const target = params.get(SUBSERVICE_PARAM);
  const setTarget = (id: string | null) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (id) next.set(SUBSERVICE_PARAM, id);
        else next.delete(SUBSERVICE_PARAM);
        return next;
      },
      { replace: true },
    );
  const [showArchived, setShowArchived] = useState(false);
  const { controls } = useScopeControls();
  const archiveSdRecord = useArchiveSdRecord();
  const archived = sd.subservices.filter((o) => o.archived).length;
  const shown = sd.subservices.filter((o) => showArchived || !o.archived);
  const refOf = (id: string | null) => controls.find((c) => c.id === id)?.ref;

  return (
    <Stack gap="md">
      {sd.subservices.length === 0 ? (
        <StepEmpty
          compact
          icon={<IconBuildingFactory2 size={20} stroke={1.5} />}
          title="No subservice organisations yet"
          description="Most systems have at least one: the cloud provider that hosts production. Add it, with the criteria it serves and the control through which you monitor it."
        />
      ) : (
        <>
          <Group justify="flex-end">
            {archived > 0 && (
              <Switch
                size="xs"
                label={`Show archived (${archived})`}
                checked={showArchived}
                onChange={(e) => setShowArchived(e.currentTarget.checked)}
              />
            )}
          </Group>
          <RecordList
            testId="subservice-list"
            items={shown.map((o) => ({
              id: o.id,
              name: o.name,
              title: o.name,
              archived: o.archived,
              meta: (
                <Badge size="sm" variant="light" color="gray" radius="sm" tt="none">
                  {SUBSERVICE_METHOD_LABELS[o.method]}
                </Badge>
              ),
              detail: (
                <>
                  <span className="attest-mono">{o.criteria.join(' ') || 'No criteria named'}</span>
                  {' · '}
                  {refOf(o.monitoringControlId)
                    ? `monitored through ${refOf(o.monitoringControlId)}`
                    : 'no monitoring control'}
                  {' · '}
                  {reportSummary(o)}
                </>
              ),
            }))}
            onEdit={setTarget}
            onArchive={(id, a) =>
              void archiveSdRecord(
                'sd.archiveSubservice',
                id,
                a,
                shown.find((o) => o.id === id)!.name,
              )
            }
          />
        </>
      )}
      <Group>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} />}
          onClick={() => setTarget('new')}
        >
          Add organisation
        </Button>
      </Group>
      <ConfirmNone
        kind="subservices"
        confirmedOn={sd.confirmedNone.subservices}
        listed={sd.subservices.length - archived}
      />
      <Text size="xs" c="dimmed">
        A carved-out organisation’s criteria stay in scope: they are met through its controls and
        your monitoring of them.
      </Text>
      <SubserviceDrawer target={target} onTarget={setTarget} />
    </Stack>
  );
}
