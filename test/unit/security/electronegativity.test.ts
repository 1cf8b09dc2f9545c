import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import run from '@doyensec/electronegativity';
import { describe, expect, it } from 'vitest';

// Doyensec's Electronegativity over the sources (main, preload, renderer and the core they call): every
// finding must be one build/electronegativity.json accepts with a reason, and every accepted one must still
// be there (a stale exception would hide the next real finding in that file).

const root = join(__dirname, '../../..');

interface Exception {
  check: string;
  file: string;
  count: number;
  reason: string;
}

describe('Electronegativity', () => {
  it('finds nothing that build/electronegativity.json does not accept with a reason', async () => {
    const config = JSON.parse(await readFile(join(root, 'build/electronegativity.json'), 'utf8')) as {
      exceptions: Exception[];
    };
    // Its checks depend on Electron's defaults, so it is told the version Ponte ships with.
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const electronVersion = (pkg.devDependencies.electron ?? '').replace(/^[\^~]/, '');
    const result = await run({
      input: join(root, 'src'),
      electronVersionOverride: electronVersion,
      isRelative: true,
      parserPlugins: [],
    });
    expect(result.errors).toEqual([]);
    expect(result.atomicChecks + result.globalChecks).toBeGreaterThan(30);

    const found = new Map<string, number>();
    for (const issue of result.issues) {
      const key = `${issue.id} in ${issue.file}`;
      found.set(key, (found.get(key) ?? 0) + 1);
    }
    const accepted = new Map(config.exceptions.map((e) => [`${e.check} in ${e.file}`, e.count]));
    for (const exception of config.exceptions) expect(exception.reason.length).toBeGreaterThan(40);
    expect(Object.fromEntries(found)).toEqual(Object.fromEntries(accepted));
  }, 60_000);
});
