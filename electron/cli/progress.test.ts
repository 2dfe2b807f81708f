import { describe, expect, it } from 'vitest';
import type { CliIo } from './io';
import { progressReporter } from './progress';

function io(isTty: boolean) {
  let err = '';
  const value: CliIo = { out: () => {}, err: (t) => (err += t), isTty, env: {}, cwd: '/' };
  return { io: value, err: () => err };
}

describe('progress on a terminal', () => {
  it('draws one updating line with bytes, files, rate and time left, then clears it', () => {
    const t = io(true);
    const p = progressReporter(t.io, 'Re-hashing');
    p.update({
      bytesDone: 512 * 1024 * 1024,
      bytesTotal: 1024 * 1024 * 1024,
      filesDone: 3,
      filesTotal: 8,
      bytesPerSecond: 200 * 1024 * 1024,
      etaSeconds: 2.4,
    });
    p.done();
    expect(t.err()).toContain('\r\x1b[2KRe-hashing [############............] 50%');
    expect(t.err()).toContain('512 MiB of 1.0 GiB · 3/8 files · 200 MiB/s · 3 s left');
    expect(t.err().endsWith('\r\x1b[2K')).toBe(true);
  });

  it('stays silent when stderr is not a terminal (pipes, CI logs)', () => {
    const t = io(false);
    const p = progressReporter(t.io, 'Re-hashing');
    p.update({ bytesDone: 1, bytesTotal: 2 });
    p.done();
    expect(t.err()).toBe('');
  });
});
