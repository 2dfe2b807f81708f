import { describe, expect, it } from 'vitest';
import { nearTheEnd, scrollToShow, windowRange } from './window-range';

describe('windowRange', () => {
  it('draws the visible rows and a margin, and keeps the height of the rest', () => {
    const r = windowRange({
      scrollTop: 3700,
      viewportHeight: 370,
      rowHeight: 37,
      count: 1000,
      overscan: 5,
    });
    expect(r).toEqual({ start: 95, end: 115, padTop: 95 * 37, padBottom: 885 * 37 });
  });

  it('starts at the top and never runs past the end', () => {
    expect(windowRange({ scrollTop: 0, viewportHeight: 370, rowHeight: 37, count: 12 })).toEqual({
      start: 0,
      end: 12,
      padTop: 0,
      padBottom: 0,
    });
    expect(windowRange({ scrollTop: 0, viewportHeight: 0, rowHeight: 37, count: 0 }).end).toBe(0);
  });

  it('draws a screenful before the viewport has been measured', () => {
    expect(
      windowRange({ scrollTop: 0, viewportHeight: 0, rowHeight: 37, count: 1000, overscan: 0 }).end,
    ).toBe(20);
  });
});

describe('scrollToShow', () => {
  const base = { scrollTop: 370, viewportHeight: 407, rowHeight: 37, headerHeight: 37 };
  it('leaves the scroll alone for a visible row', () => {
    expect(scrollToShow({ ...base, index: 12 })).toBeNull();
  });
  it('scrolls up to a row above and down to a row below, clear of the header', () => {
    expect(scrollToShow({ ...base, index: 5 })).toBe(185);
    expect(scrollToShow({ ...base, index: 20 })).toBe(21 * 37 - 370);
  });
});

describe('nearTheEnd', () => {
  it('asks for more once the drawn rows come close to the last loaded one', () => {
    expect(nearTheEnd({ start: 150, end: 175, padTop: 0, padBottom: 0 }, 200)).toBe(true);
    expect(nearTheEnd({ start: 0, end: 40, padTop: 0, padBottom: 0 }, 200)).toBe(false);
  });
});
