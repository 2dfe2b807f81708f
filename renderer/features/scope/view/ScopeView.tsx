import { Button, Group, Tabs } from '@mantine/core';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { Link, useSearchParams } from 'react-router';
import type { Engagement } from '../../../../shared/api/vault';
import { stepById } from '../../../app/steps';
import { PageHeader } from '../../../components/PageHeader';
import { NarrativePanel } from '../../sd/NarrativePanel';
import { CatalogUpdateBanner } from '../catalog-update/CatalogUpdateBanner';
import { scopeLinks } from '../scope-paths';
import { useScopeControls, useScopeCriteria } from '../scope-queries';
import { ControlDrawer } from './ControlDrawer';
import { ControlsTable } from './ControlsTable';
import { ControlsToolbar } from './ControlsToolbar';
import { CriteriaMatrix } from './CriteriaMatrix';
import { CriterionDrawer } from './CriterionDrawer';
import { MatrixToolbar } from './MatrixToolbar';
import { ScopeSummary } from './ScopeSummary';
import { type ScopeTab, useScopeView } from './view-store';

/**
 * The confirmed scope: the criteria × controls matrix, the controls table and the drafted system
 * description. Which criterion or control is open is in the link, so the palette can open it.
 */
export function ScopeView({ engagement }: { engagement: Engagement }) {
  const [params, setParams] = useSearchParams();
  const tab = useScopeView((s) => s.tab);
  const setTab = useScopeView((s) => s.setTab);
  const { criteria } = useScopeCriteria();
  const { controls } = useScopeControls();
  const criterionId = params.get('criterion');
  const controlId = params.get('control');

  const open = (
    key: 'criterion' | 'control',
    value: string | null,
    extra: Record<string, string> = {},
  ) => setParams(value ? { [key]: value, ...extra } : {});

  const addControl = (
    <Button
      variant="light"
      leftSection={<IconPlus size={16} />}
      onClick={() => open('control', 'new')}
    >
      Add custom control
    </Button>
  );
  const scope = stepById('scope');
  return (
    <>
      <PageHeader
        title={scope.label}
        step={scope.number}
        purpose="What the report covers: each criterion in scope and the controls that serve it, and the system description drafted from your answers."
        action={
          <Button component={Link} to={scopeLinks.wizard()} leftSection={<IconPencil size={16} />}>
            Edit scope
          </Button>
        }
      />
      <CatalogUpdateBanner />
      <ScopeSummary engagement={engagement} />
      <Tabs value={tab} onChange={(t) => t && setTab(t as ScopeTab)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="matrix">Criteria × controls</Tabs.Tab>
          <Tabs.Tab value="controls">Controls</Tabs.Tab>
          <Tabs.Tab value="narrative">System description</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="matrix">
          <Group justify="space-between" mb="sm" wrap="nowrap">
            <MatrixToolbar criteria={criteria} />
            {addControl}
          </Group>
          <CriteriaMatrix
            selected={criterionId}
            onCriterion={(id) => open('criterion', id)}
            onControl={(id) => open('control', id)}
          />
        </Tabs.Panel>
        <Tabs.Panel value="controls">
          <Group justify="space-between" mb="sm" wrap="nowrap">
            <ControlsToolbar domains={[...new Set(controls.map((c) => c.domain))]} />
            {addControl}
          </Group>
          <ControlsTable selected={controlId} onOpen={(id) => open('control', id)} />
        </Tabs.Panel>
        <Tabs.Panel value="narrative">
          <NarrativePanel />
        </Tabs.Panel>
      </Tabs>
      <CriterionDrawer
        id={criterionId}
        onClose={() => open('criterion', null)}
        onControl={(id) => open('control', id)}
        onNewControl={(id) => open('control', 'new', { criteria: id })}
      />
      <ControlDrawer
        target={controlId}
        criteria={params.get('criteria')?.split(',').filter(Boolean)}
        onTarget={(id) => open('control', id)}
      />
    </>
  );
}
