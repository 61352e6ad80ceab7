// The registry this project installs from serves only the linux-x64 builds of the
// native tools' platform packages (oxlint, oxfmt, tsgolint). `npm install` then
// leaves the other platforms' optional packages out of package-lock.json, and
// `npm ci` refuses the lock as "missing" them. This adds each missing optional
// platform package as a lock entry with its os/cpu/libc, so npm ci skips it on
// every other platform and never needs to fetch it. Run after `npm install`.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = 'package-lock.json';
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const OS = ['android', 'darwin', 'freebsd', 'linux', 'openharmony', 'win32', 'netbsd', 'openbsd', 'sunos', 'aix'];
const CPU = { arm64: 'arm64', x64: 'x64', ia32: 'ia32', arm: 'arm', ppc64: 'ppc64', riscv64: 'riscv64', s390x: 's390x' };

function platformOf(name) {
  const tokens = name.split('/').pop().split('-');
  const os = tokens.find((token) => OS.includes(token));
  const cpuToken = tokens.find((token) => token in CPU);
  const libc = tokens.some((t) => t.startsWith('musl')) ? 'musl' : tokens.some((t) => t.startsWith('gnu')) ? 'glibc' : undefined;
  return { os, cpu: cpuToken && CPU[cpuToken], libc };
}

let added = 0;
for (const [path, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key] || lock.packages[`${path}/node_modules/${name}`]) {
      continue;
    }
    const { os, cpu, libc } = platformOf(name);
    if (!os || !cpu) {
      continue;
    }
    lock.packages[key] = {
      version,
      cpu: [cpu],
      ...(entry.dev ? { dev: true } : {}),
      ...(libc ? { libc: [libc] } : {}),
      optional: true,
      os: [os],
    };
    added += 1;
  }
}
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`${added} platform packages added to ${LOCK}`);
execFileSync('npm', ['ci', '--dry-run', '--no-audit', '--no-fund'], { stdio: 'ignore' });
console.log('npm ci accepts the lock file');
