/**
 * One truth for the Node version: every package the lock file installs runs on the
 * oldest Node that package.json's `engines` accepts (and on this one). cookie@2 and
 * content-disposition@3 wanted Node 22 while we said 20.19 (ADR 17).
 */
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url);
const readJson = (name: string) => JSON.parse(readFileSync(new URL(name, root), 'utf8')) as unknown;

type Lock = { packages: Record<string, { engines?: { node?: string }; optional?: boolean }> };

describe('Node engines', () => {
  const declared = (readJson('package.json') as { engines: { node: string } }).engines.node;
  const oldest = semver.minVersion(declared)?.version ?? '';

  it('declares a Node this machine runs', () => {
    expect(semver.satisfies(process.version, declared)).toBe(true);
  });

  it('installs no package that refuses the oldest Node we declare', () => {
    const { packages } = readJson('package-lock.json') as Lock;
    const refusing = Object.entries(packages)
      .filter(([path, entry]) => path !== '' && entry.engines?.node !== undefined)
      .filter(([, entry]) => !semver.satisfies(oldest, entry.engines?.node ?? '*'))
      .map(
        ([path, entry]) =>
          `${path.replace(/^node_modules\//, '')} wants Node ${entry.engines?.node}`,
      );
    expect(refusing).toEqual([]);
  });
});
