import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZE, MIN_SIZE, captureWindowState, restoreWindowState } from './window-state';

const laptop = { x: 0, y: 25, width: 1440, height: 875 };
const external = { x: 1440, y: 0, width: 2560, height: 1440 };

describe('restoreWindowState', () => {
  it('uses the default size, centred, when nothing usable was saved', () => {
    for (const saved of [undefined, null, 'x', {}, { x: 1, y: 2, width: 'a', height: 3 }]) {
      expect(restoreWindowState(saved, [laptop])).toEqual({
        bounds: DEFAULT_SIZE,
        maximized: false,
      });
    }
  });

  it('restores bounds that are on a present display', () => {
    const saved = { x: 100, y: 80, width: 1200, height: 700, maximized: true };
    expect(restoreWindowState(saved, [laptop, external])).toEqual({
      bounds: { x: 100, y: 80, width: 1200, height: 700 },
      maximized: true,
    });
  });

  it('drops the position when the display it was on is gone', () => {
    const saved = { x: 2000, y: 100, width: 1600, height: 1000, maximized: false };
    expect(restoreWindowState(saved, [laptop])).toEqual({
      bounds: { width: 1440, height: 875 },
      maximized: false,
    });
  });

  it('pulls a window that hangs off the edge back onto its display', () => {
    const saved = { x: 600, y: 300, width: 1000, height: 700, maximized: false };
    expect(restoreWindowState(saved, [laptop]).bounds).toEqual({
      x: 440,
      y: 200,
      width: 1000,
      height: 700,
    });
  });

  it('keeps at least the minimum size, and never more than the display', () => {
    const tiny = { x: 10, y: 10, width: 200, height: 100, maximized: false };
    expect(restoreWindowState(tiny, [laptop]).bounds).toMatchObject(MIN_SIZE);
    const small = { x: 0, y: 0, width: 800, height: 600 };
    expect(restoreWindowState(tiny, [small]).bounds).toMatchObject({ width: 800, height: 600 });
  });
});

describe('captureWindowState', () => {
  it('saves the normal bounds and whether the window was maximised', () => {
    expect(captureWindowState({ x: 1, y: 2, width: 3, height: 4 }, true)).toEqual({
      x: 1,
      y: 2,
      width: 3,
      height: 4,
      maximized: true,
    });
  });
});
