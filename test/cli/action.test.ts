// Issue 13 #8: the GitHub Action runs its own copy of report-lint, never one from the checked-out repository
// (a committed node_modules/.bin/report-lint would otherwise run in CI).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { ROOT } from './helpers';

// js-yaml (a devDependency) ships no types: only its load() is used
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };

interface Step {
  name?: string;
  uses?: string;
  shell?: string;
  run?: string;
  env?: Record<string, string>;
}

const action = yaml.load(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { runs: { using: string; steps: Step[] } };
const steps = action.runs.steps;
const scripts = steps.filter((s) => s.run !== undefined);

describe('action.yml', () => {
  it('is a composite action with shell steps', () => {
    expect(action.runs.using).toBe('composite');
    expect(scripts.length).toBeGreaterThanOrEqual(2);
  });

  it('never runs a report-lint of the checked-out repository (node_modules, npx, PATH)', () => {
    for (const s of scripts) {
      // comments may explain why; commands may not do it
      const commands = s.run!.split('\n').map((l) => l.replace(/#.*$/, '')).join('\n');
      expect(commands, s.name).not.toMatch(/node_modules\/\.bin/);
      expect(commands, s.name).not.toMatch(/\bnpx\b/);
      expect(commands, s.name).not.toMatch(/(^|[\s;&|(])report-lint(\s|$)/m);
    }
  });

  it('the lint step runs node on bin/report-lint.js under github.action_path', () => {
    const lint = steps.find((s) => s.run?.includes('--format sarif'))!;
    expect(lint).toBeDefined();
    const m = /node "\$(\w+)\/bin\/report-lint\.js" --format sarif/.exec(lint.run!);
    expect(m, lint.run).not.toBeNull();
    expect(lint.env?.[m![1]]).toBe('${{ github.action_path }}');
  });

  it('the copy it runs is built in the action directory', () => {
    const setup = scripts.find((s) => /npm run build/.test(s.run!))!;
    expect(setup).toBeDefined();
    const m = /cd "\$(\w+)"/.exec(setup.run!);
    expect(m).not.toBeNull();
    expect(setup.env?.[m![1]]).toBe('${{ github.action_path }}');
  });
});
