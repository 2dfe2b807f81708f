import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../../shared/api/jobs';
import { ApiCallError } from '../../api/errors';
import { fakeClient } from '../../api/testing/fake-client';
import type { UploadOptions } from '../../api/transport';
import { sendAll } from './add-evidence';

const file = (name: string, size: number) => new File([new Uint8Array(size)], name);

/** A browser client whose uploads report half of each file, then the rest, then answer an id. */
function uploadingClient(onUpload?: (name: string, options: UploadOptions) => void) {
  const { client } = fakeClient({});
  client.fileSourceFor = async (f: File, options?: UploadOptions) => {
    onUpload?.(f.name, options ?? {});
    if (options?.signal?.aborted)
      throw new ApiCallError({ code: 'cancelled', message: 'Cancelled.' });
    options?.onSent?.(f.size / 2);
    options?.onSent?.(f.size);
    return { uploadId: `up-${f.name}` };
  };
  return client;
}

describe('sending files before they are stored (browser)', () => {
  it('reports files and bytes sent across all the files, with a rate and time left', async () => {
    const seen: JobProgress[] = [];
    let t = 0;
    const sources = await sendAll(
      uploadingClient(() => (t += 1000)),
      [file('a.pdf', 400), file('b.png', 600)],
      new AbortController().signal,
      (p) => seen.push(p),
      () => t,
    );
    expect(sources).toEqual([
      { uploadId: 'up-a.pdf', fileName: 'a.pdf' },
      { uploadId: 'up-b.png', fileName: 'b.png' },
    ]);
    expect(seen.map((p) => [p.filesDone, p.bytesDone])).toEqual([
      [0, 0],
      [0, 200],
      [0, 400],
      [1, 400],
      [1, 700],
      [1, 1000],
      [2, 1000],
    ]);
    expect(seen.every((p) => p.filesTotal === 2 && p.bytesTotal === 1000)).toBe(true);
    // 1000 bytes in 2 s: 500 B/s, nothing left.
    expect(seen.at(-1)).toMatchObject({ bytesPerSecond: 500, etaSeconds: 0 });
  });

  it('stops at a cancel: the file being sent is abandoned and no later file is sent', async () => {
    const control = new AbortController();
    const sent: string[] = [];
    const client = uploadingClient((name) => {
      sent.push(name);
      if (name === 'b.png') control.abort();
    });
    const outcome = await sendAll(
      client,
      [file('a.pdf', 10), file('b.png', 10), file('c.csv', 10)],
      control.signal,
      () => {},
    ).catch((e: unknown) => e);
    expect(outcome).toBeInstanceOf(ApiCallError);
    expect((outcome as ApiCallError).code).toBe('cancelled');
    expect(sent).toEqual(['a.pdf', 'b.png']);
  });
});
