import { useCallback, useEffect, useRef, useState } from 'react';
import type { FileSource } from '../../../../shared/api/methods/blobs';
import type { JobProgress } from '../../../../shared/api/jobs';
import type { ImportPreview, ImportSummary } from '../../../../shared/api/requests';
import type { DateOrder } from '../../../../shared/domain/requests-dates';
import { type ApiClient, toApiCallError } from '../../../api';
import { useApi } from '../../../api/provider';
import { describeError } from '../../../app/error-wording';
import { notifyError } from '../../../app/notify';
import { fileName } from '../../../components/format';
import { type HeaderChoice, assignChoice, choicesFromMapping, mappingFromChoices } from './mapping';

export type WizardStep = 0 | 1 | 2 | 3;

export interface WizardProblem {
  title: string;
  detail: string | null;
}

interface WizardState {
  step: WizardStep;
  file: { name: string; source: FileSource } | null;
  /** The latest reading of the file: guessed at first, then with the user's mapping. */
  preview: ImportPreview | null;
  choices: HeaderChoice[];
  /** Only when the user chose; otherwise the file decides. */
  dateOrder: DateOrder | undefined;
  busy: boolean;
  problem: WizardProblem | null;
  progress: JobProgress | null;
  summary: ImportSummary | null;
}

const START: WizardState = {
  step: 0,
  file: null,
  preview: null,
  choices: [],
  dateOrder: undefined,
  busy: false,
  problem: null,
  progress: null,
  summary: null,
};

function problemOf(e: unknown): WizardProblem {
  const error = toApiCallError(e);
  // A field problem of the mapping is said as is ("This file has no column …").
  const issue = error.issues[0];
  if (issue) return { title: issue.message, detail: null };
  const wording = describeError(error);
  return error.code === 'validation'
    ? { title: error.message, detail: null }
    : { title: wording.title, detail: wording.detail ?? wording.advice };
}

const FILTERS = [{ name: 'Request lists', extensions: ['xlsx', 'csv'] }];

/**
 * A file sent to Attest in the browser waits in its staging area until an import uses it. One
 * the wizard will not import (another file chosen, the wizard closed) is discarded at once; if
 * that fails the server still removes it when it stops, so nothing is said to the user.
 */
function discard(api: ApiClient, source: FileSource): void {
  if ('uploadId' in source)
    api.call('blobs.discardUpload', { uploadId: source.uploadId }).catch(() => {});
}

/**
 * The import wizard's state: choose a file, map its columns, preview, import. Nothing is saved
 * before the last step; every earlier step only asks Attest how it would read the file.
 */
export function useImportWizard() {
  const api = useApi();
  const [s, setState] = useState<WizardState>(START);
  const controller = useRef<AbortController | null>(null);
  const patch = useCallback(
    (p: Partial<WizardState>) => setState((prev) => ({ ...prev, ...p })),
    [],
  );

  // The file in hand is discarded when it is replaced, dropped or the wizard closes (an import
  // that succeeded has used it already; one still running keeps it until it ends).
  const current = s.file;
  useEffect(() => {
    if (current) return () => discard(api, current.source);
  }, [api, current]);

  const readFile = useCallback(
    async (load: () => Promise<{ name: string; source: FileSource } | null>) => {
      patch({ busy: true, problem: null });
      let file: { name: string; source: FileSource } | null = null;
      try {
        file = await load();
        if (!file) return patch({ busy: false });
        const preview = await api.call('requests.previewImport', {
          source: file.source,
          fileName: file.name,
        });
        patch({
          ...START,
          step: 1,
          file,
          preview,
          choices: choicesFromMapping(preview.headers, preview.mapping),
        });
      } catch (e) {
        // A file that cannot be read is not kept: the next try sends it again.
        if (file) discard(api, file.source);
        patch({ busy: false, file: null, problem: problemOf(e) });
      }
    },
    [api, patch],
  );

  /** A file dropped on (or chosen through) the drop zone. */
  const chooseFile = (file: File) =>
    readFile(async () => ({ name: file.name, source: await api.fileSourceFor(file) }));

  /** The desktop's own file dialog, which gives a path. */
  const pickOnDesktop = () =>
    readFile(async () => {
      const sources = await api.pickFileSources({
        title: 'Choose the auditor’s request list',
        filters: FILTERS,
      });
      const [source, ...extra] = sources ?? [];
      extra.forEach((source) => discard(api, source)); // one list at a time
      if (!source) return null;
      return { name: 'path' in source ? fileName(source.path) : 'request list', source };
    });

  const choose = (index: number, choice: HeaderChoice) =>
    setState((prev) => ({
      ...prev,
      choices: assignChoice(prev.choices, index, choice),
      problem: null,
    }));

  /** A date order chosen: the file is read again so the examples show the dates as now read. */
  async function chooseDateOrder(dateOrder: DateOrder) {
    patch({ dateOrder });
    if (!s.file || !s.preview) return;
    const mapping = mappingFromChoices(s.preview.headers, s.choices);
    if (!mapping) return;
    patch({ busy: true, problem: null });
    try {
      const preview = await api.call('requests.previewImport', {
        source: s.file.source,
        fileName: s.file.name,
        mapping,
        dateOrder,
      });
      patch({ busy: false, preview });
    } catch (e) {
      patch({ busy: false, problem: problemOf(e) });
    }
  }

  /** Reads the file again with the chosen mapping and shows what would be saved. */
  async function toPreview() {
    if (!s.file || !s.preview) return;
    const mapping = mappingFromChoices(s.preview.headers, s.choices);
    if (!mapping) {
      patch({
        problem: {
          title: 'Choose the column that holds the request number.',
          detail: 'Each request is found again by it when a newer version of the list is imported.',
        },
      });
      return;
    }
    patch({ busy: true, problem: null });
    try {
      const preview = await api.call('requests.previewImport', {
        source: s.file.source,
        fileName: s.file.name,
        mapping,
        dateOrder: s.dateOrder,
      });
      patch({ busy: false, preview, step: 2 });
    } catch (e) {
      patch({ busy: false, problem: problemOf(e) });
    }
  }

  /** The one step that saves: a job, with progress and Cancel. */
  async function runImport() {
    if (!s.file || !s.preview) return;
    const abort = new AbortController();
    controller.current = abort;
    patch({ step: 3, busy: true, problem: null, progress: null });
    try {
      const summary = await api.runJob(
        'requests.import',
        {
          source: s.file.source,
          fileName: s.file.name,
          mapping: s.preview.mapping,
          dateOrder: s.dateOrder,
        },
        (progress) => patch({ progress }),
        { signal: abort.signal },
      );
      // The lists are re-read by the import's own `vault.changed` (it touches requests).
      patch({ busy: false, summary });
    } catch (e) {
      notifyError(e);
      patch({ busy: false, step: 2, problem: null });
    } finally {
      controller.current = null;
    }
  }

  const back = () => {
    if (s.step === 1) patch({ ...START });
    else if (s.step === 2) patch({ step: 1, problem: null });
  };

  return {
    ...s,
    chooseFile,
    pickOnDesktop,
    choose,
    chooseDateOrder,
    toPreview,
    runImport,
    back,
    cancelImport: () => controller.current?.abort(),
    startOver: () => setState(START),
  };
}

export type ImportWizard = ReturnType<typeof useImportWizard>;
