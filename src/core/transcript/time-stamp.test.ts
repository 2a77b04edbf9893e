import { describe, expect, test } from 'vitest';
import { leadingStamp, stampSeconds, toSeconds } from './time-stamp';

describe('toSeconds', () => {
  test.each([
    [[undefined, '00', '01', '500'], 1.5],
    [['01', '02', '03', '456'], 3723.456],
    [['0', '0', '5', '5'], 5.5],
    [['0', '0', '5', '05'], 5.05],
  ] as const)('%j is %d seconds', ([h, m, s, f], seconds) => {
    expect(toSeconds(h, m, s, f)).toBe(seconds);
  });
});

describe('stampSeconds', () => {
  test.each([
    ['0:03', 3],
    ['12:34', 754],
    ['[00:12:34]', 754],
    ['(1:02:03)', 3723],
    ['01:02.5', 62.5],
    ['00:00:01,250', 1.25],
  ])('reads %s as %d seconds', (stamp, seconds) => {
    expect(stampSeconds(stamp)).toBe(seconds);
  });

  test.each(['12:75', '[99:99:99]', '01:60:00'])('refuses %s, which is not a time', (stamp) => {
    expect(stampSeconds(stamp)).toBeNull();
  });
});

describe('leadingStamp', () => {
  test.each([
    ['[00:12:34] So we began.', 754, 'So we began.'],
    ['(0:05) So we began.', 5, 'So we began.'],
    ['00:12:34 So we began.', 754, 'So we began.'],
    ['00:12:34 - So we began.', 754, 'So we began.'],
    ['00:12:34', 754, ''],
    ['12:34', 754, ''],
  ])('finds the time stamp opening %j', (text, seconds, rest) => {
    expect(leadingStamp(text)).toEqual({ seconds, rest });
  });

  test.each(['12:30 is when we met.', 'At 12:30 we met.', '[12:75] a wrong time', 'Ratio 3:2'])('leaves %j as text', (text) => {
    expect(leadingStamp(text)).toBeNull();
  });
});
