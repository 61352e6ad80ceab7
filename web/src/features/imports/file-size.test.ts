import { describe, expect, it } from 'vitest';
import { formatFileSize } from './file-size.ts';

describe('file sizes', () => {
  it.each([
    [0, '0\u00a0o', '0\u00a0B'],
    [812, '812\u00a0o', '812\u00a0B'],
    [3_200, '3,2\u00a0ko', '3.2\u00a0kB'],
    [12_500_000, '12,5\u00a0Mo', '12.5\u00a0MB'],
    [40_000_000, '40\u00a0Mo', '40\u00a0MB'],
    [999_960, '1\u00a0Mo', '1\u00a0MB'],
    [268_435_456, '268,4\u00a0Mo', '268.4\u00a0MB'],
    [1_234_000_000, '1,2\u00a0Go', '1.2\u00a0GB'],
    [2_500_000_000_000, '2\u00a0500\u00a0Go', '2,500\u00a0GB'],
  ])('%i bytes read %s in French, %s in English', (bytes, french, english) => {
    expect(formatFileSize(bytes, 'fr')).toBe(french);
    expect(formatFileSize(bytes, 'en')).toBe(english);
  });
});
