import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';

// GitHub Actions cannot run here, so its workflows are checked here against SchemaStore's workflow schema
// (action-validator): a misspelt key or a wrong shape fails this test instead of the first push.

const folder = join(__dirname, '../../../.github/workflows');
const workflows = readdirSync(folder).filter((file) => /\.ya?ml$/.test(file));
const read = (file: string): string => readFileSync(join(folder, file), 'utf8');

describe('GitHub Actions workflows', () => {
  it.each(workflows)('%s follows the workflow schema', (file) => {
    expect(validateWorkflow(read(file)).errors).toEqual([]);
  });

  it('the check can fail: a misspelt key or a wrong shape is reported', () => {
    const text = read('ci.yml');
    expect(validateWorkflow(text.replace('runs-on:', 'runs_on:')).errors).not.toEqual([]);
    expect(validateWorkflow(text.replace('timeout-minutes: 60', 'timeout-minutes: soon')).errors).not.toEqual(
      [],
    );
  });

  it('runs the desktop app’s end-to-end specs on Linux, Windows and macOS, after the unit tests', () => {
    const text = read('ci.yml');
    expect(text).toMatch(/os: \[ubuntu-latest, windows-latest, macos-latest\]/);
    const steps = [...text.matchAll(/run: (.*)/g)].map((match) => match[1] ?? '');
    const unit = steps.findIndex((step) => step.includes('vitest run --project unit'));
    const electron = steps.findIndex((step) => step.includes('npm run test:e2e:electron'));
    expect(unit).toBeGreaterThan(-1);
    expect(electron).toBeGreaterThan(unit);
    // The specs it runs exist (a renamed spec would otherwise run nothing).
    for (const spec of new Set(text.match(/test\/e2e\/[\w-]+\.spec\.ts/g))) {
      expect(() => readFileSync(join(__dirname, '../../..', spec))).not.toThrow();
    }
  });

  it('measures the window’s start-up where Electron runs, with a benchmark that exists', () => {
    const text = read('ci.yml');
    const benches = [...new Set(text.match(/test\/bench\/[\w-]+\.bench-run\.ts/g))];
    expect(benches).toContain('test/bench/electron-first-window.bench-run.ts');
    for (const bench of benches) {
      expect(() => readFileSync(join(__dirname, '../../..', bench))).not.toThrow();
    }
  });
});
