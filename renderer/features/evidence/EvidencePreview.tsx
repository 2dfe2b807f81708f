import { Anchor, Box, Group, Image, Paper, ScrollArea, Table, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { Evidence } from '../../../shared/api/evidence';
import { blobUrl } from '../../api/download';
import { formatBytes, shortHash } from '../../components/format';
import { TEXT_PREVIEW_BYTES, csvRows, prettyJson, previewKindOf } from './preview-kind';

/** The first bytes of a stored file as text (a preview never reads a large file whole). */
async function readHead(url: string, signal: AbortSignal): Promise<{ text: string; cut: boolean }> {
  const res = await fetch(url, { signal });
  if (!res.ok || !res.body) throw new Error('The file could not be read.');
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let cut = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
    if (size >= TEXT_PREVIEW_BYTES) {
      cut = true;
      await reader.cancel();
      break;
    }
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return { text: new TextDecoder().decode(all.subarray(0, TEXT_PREVIEW_BYTES)), cut };
}

/** A scrolling box that keyboard users can reach and scroll (arrow keys once focused). */
const scrollable = (label: string) => ({ tabIndex: 0, role: 'region', 'aria-label': label });

function TextPreview(props: { url: string; kind: 'text' | 'csv' | 'json' }) {
  const [state, setState] = useState<{ text: string; cut: boolean } | { error: string } | null>(
    null,
  );
  useEffect(() => {
    const abort = new AbortController();
    readHead(props.url, abort.signal).then(setState, (e: unknown) => {
      if (!abort.signal.aborted) setState({ error: e instanceof Error ? e.message : String(e) });
    });
    return () => abort.abort();
  }, [props.url]);
  if (!state)
    return (
      <Text size="sm" c="dimmed">
        Reading the file…
      </Text>
    );
  if ('error' in state)
    return (
      <Text size="sm" c="red">
        {state.error}
      </Text>
    );
  const note = state.cut ? (
    <Text size="xs" c="dimmed" mt={4}>
      The start of the file; save it to see all of it.
    </Text>
  ) : null;
  if (props.kind === 'csv') {
    const [head, ...rows] = csvRows(state.text, 51);
    return (
      <>
        <ScrollArea h={260} type="auto" viewportProps={scrollable('The file’s first rows')}>
          <Table fz="xs" striped withTableBorder stickyHeader data-testid="evidence-preview-csv">
            <Table.Thead>
              <Table.Tr>
                {head?.map((h, i) => (
                  <Table.Th key={i}>{h}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => (
                <Table.Tr key={i}>
                  {r.map((c, j) => (
                    <Table.Td key={j}>{c}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea>
        {(state.cut || rows.length >= 50) && (
          <Text size="xs" c="dimmed" mt={4}>
            The first 50 rows.
          </Text>
        )}
      </>
    );
  }
  return (
    <>
      <ScrollArea h={260} type="auto" viewportProps={scrollable('The file’s text')}>
        <Box
          component="pre"
          fz="xs"
          m={0}
          style={{ whiteSpace: 'pre-wrap' }}
          data-testid="evidence-preview-text"
        >
          {props.kind === 'json' && !state.cut ? prettyJson(state.text) : state.text}
        </Box>
      </ScrollArea>
      {note}
    </>
  );
}

/** A file as a preview shows it: its name, size, hash, and where its bytes are read. */
export interface PreviewFile {
  name: string;
  size: number;
  sha256: string;
  /** Read inline (never run: the route sends a sandbox CSP and no sniffing). */
  url: string;
  /** The same bytes as a download. */
  downloadUrl: string;
}

/**
 * The stored file, shown in the app through the blob route: images as images, a PDF in a
 * sandboxed frame, text, CSV and JSON read as text (never run: the route also sends a sandbox
 * CSP and no sniffing); anything else is saved and opened outside.
 */
export function EvidencePreview({ file }: { file: NonNullable<Evidence['file']> }) {
  return (
    <FilePreview
      file={{
        name: file.name,
        size: file.size,
        sha256: file.sha256,
        url: blobUrl(file.blobId, { fileName: file.name }),
        downloadUrl: blobUrl(file.blobId, { fileName: file.name, download: true }),
      }}
    />
  );
}

/** Any file Attest serves with the safe headers (a vault's blob, an audit package's file). */
export function FilePreview({ file }: { file: PreviewFile }) {
  const kind = previewKindOf(file.name);
  const url = file.url;
  return (
    <Paper withBorder radius="md" p="sm" data-testid="evidence-preview">
      <Group justify="space-between" mb={kind === 'none' ? 0 : 'xs'} wrap="nowrap">
        <Text size="sm" fw={500} truncate="end">
          {file.name}
          <Text span size="xs" c="dimmed">
            {' '}
            · {formatBytes(file.size)} · SHA-256 {shortHash(file.sha256)}
          </Text>
        </Text>
        <Anchor
          href={file.downloadUrl}
          download={file.name}
          size="sm"
          style={{ whiteSpace: 'nowrap' }}
        >
          <Group gap={4} wrap="nowrap">
            <IconDownload size={14} aria-hidden />
            Save as…
          </Group>
        </Anchor>
      </Group>
      {kind === 'image' && (
        <Image src={url} alt={`Preview of ${file.name}`} mah={320} fit="contain" radius="sm" />
      )}
      {kind === 'pdf' && (
        <iframe
          src={url}
          title={`Preview of ${file.name}`}
          sandbox=""
          style={{ width: '100%', height: 360, border: 0 }}
        />
      )}
      {(kind === 'text' || kind === 'csv' || kind === 'json') && (
        <TextPreview url={url} kind={kind} />
      )}
      {kind === 'none' && (
        <Text size="xs" c="dimmed" mt={4}>
          No preview for this type of file: save it to open it.
        </Text>
      )}
    </Paper>
  );
}
