import { useCallback, useEffect, useState } from 'react';
import type {
  ResponseImportResult,
  ResponsePreview,
} from '../../../../shared/api/auditor-response';
import type { FileSource } from '../../../../shared/api/methods/blobs';
import type { ApiClient } from '../../../api';
import { useApi } from '../../../api/provider';
import { fileName } from '../../../components/format';
import { type ResponseProblem, responseProblem } from './response-problem';

interface ChosenFile {
  name: string;
  source: FileSource;
}

interface State {
  /** Choose the file, confirm what it would do, then what it did. */
  step: 'choose' | 'confirm' | 'done';
  file: ChosenFile | null;
  preview: ResponsePreview | null;
  result: ResponseImportResult | null;
  busy: boolean;
  problem: ResponseProblem | null;
}

const START: State = {
  step: 'choose',
  file: null,
  preview: null,
  result: null,
  busy: false,
  problem: null,
};

const FILTERS = [{ name: 'Auditor’s responses', extensions: ['json'] }];

/** A browser's staged upload the dialog is done with goes at once (the server clears the rest). */
function discard(api: ApiClient, source: FileSource): void {
  if ('uploadId' in source)
    api.call('blobs.discardUpload', { uploadId: source.uploadId }).catch(() => {});
}

/**
 * Importing an auditor's response: the file is read and checked (`requests.previewResponse`,
 * nothing applied) and shown for confirmation — who it is from, the key's fingerprint, what it
 * would do — and only "Import" changes the vault.
 */
export function useResponseImport() {
  const api = useApi();
  const [s, setState] = useState<State>(START);
  const patch = useCallback((p: Partial<State>) => setState((prev) => ({ ...prev, ...p })), []);

  // The upload in hand goes when replaced or when the dialog closes; the import does not use it up.
  const current = s.file;
  useEffect(() => {
    if (current) return () => discard(api, current.source);
  }, [api, current]);

  const read = useCallback(
    async (load: () => Promise<ChosenFile | null>) => {
      patch({ busy: true, problem: null });
      let file: ChosenFile | null = null;
      try {
        file = await load();
        if (!file) return patch({ busy: false });
        const preview = await api.call('requests.previewResponse', { source: file.source });
        setState({ ...START, step: 'confirm', file, preview });
      } catch (e) {
        if (file) discard(api, file.source);
        setState({ ...START, problem: responseProblem(e) });
      }
    },
    [api, patch],
  );

  const chooseFile = (file: File) =>
    read(async () => ({ name: file.name, source: await api.fileSourceFor(file) }));

  const pickOnDesktop = () =>
    read(async () => {
      const sources = await api.pickFileSources({
        title: 'Choose the auditor’s response',
        filters: FILTERS,
      });
      const [source, ...extra] = sources ?? [];
      extra.forEach((s) => discard(api, s)); // one response at a time
      if (!source) return null;
      return { name: 'path' in source ? fileName(source.path) : 'response', source };
    });

  /** The one step that changes the vault; the lists re-read on its `vault.changed`. */
  async function runImport() {
    if (!s.file) return;
    patch({ busy: true, problem: null });
    try {
      const result = await api.call('requests.importResponse', { source: s.file.source });
      patch({ busy: false, step: 'done', result });
    } catch (e) {
      // Refused now though the preview passed (the vault changed meanwhile): said in the dialog.
      patch({ busy: false, problem: responseProblem(e) });
    }
  }

  return {
    ...s,
    chooseFile,
    pickOnDesktop,
    runImport,
    startOver: () => setState(START),
  };
}

export type ResponseImport = ReturnType<typeof useResponseImport>;
