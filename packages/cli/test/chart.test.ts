import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CUTOVER } from './lab.ts';
import { fixtureResult } from '../../viz/test/fixtures/result.ts';

const work = mkdtempSync(join(tmpdir(), 'cutover-chart-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cutover(...args: string[]) {
  const r = spawnSync(process.execPath, [CUTOVER, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function resultFile(name: string, content: unknown): string {
  const path = join(work, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

/** One line on stderr, exit status 2, nothing on stdout, no output directory. */
function expectInputError(result: ReturnType<typeof cutover>, pattern: RegExp, out: string) {
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^cutover: /);
  expect(lines[0]).toMatch(pattern);
  expect(result.status).toBe(2);
  expect(() => readdirSync(out)).toThrow();
}

describe('cutover chart', () => {
  it('writes report.html and an SVG and a PNG per chart from a saved Result', () => {
    const out = join(work, 'charts');
    const run = cutover('chart', resultFile('good.json', fixtureResult()), '--out', out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual(
      ['adoption', 'adoption-first-ttls', 'load', 'profiles', 'shares', 'timeline'].flatMap((c) => [`${c}.png`, `${c}.svg`]).concat('report.html').sort(),
    );
    expect(run.stdout.trim().split('\n')).toHaveLength(files.length);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/);
    expect(readFileSync(join(out, 'adoption.png')).subarray(1, 4).toString()).toBe('PNG');
  });

  it('refuses a file that is not JSON, naming it', () => {
    const out = join(work, 'out-notjson');
    expectInputError(cutover('chart', resultFile('broken.json', '{"version": 1,'), '--out', out), /broken\.json: not JSON .*expected a result\.json/, out);
  });

  it('refuses another Result version', () => {
    const out = join(work, 'out-version');
    expectInputError(cutover('chart', resultFile('v2.json', { ...fixtureResult(), version: 2 }), '--out', out), /v2\.json: version: expected 1 .*found 2/, out);
  });

  it('names a missing field by its JSON path', () => {
    const out = join(work, 'out-missing');
    const { milestones: _dropped, ...rest } = fixtureResult();
    expectInputError(cutover('chart', resultFile('nomilestones.json', rest), '--out', out), /nomilestones\.json: milestones: expected an object, found nothing/, out);
  });

  it('names a series of the wrong length', () => {
    const out = join(work, 'out-length');
    const result = fixtureResult();
    result.shares.new.p05.pop();
    expectInputError(cutover('chart', resultFile('short.json', result), '--out', out), /short\.json: shares\.new\.p05: expected an array of 576 numbers, one per bin, found an array of 575/, out);
  });

  it('refuses an unknown timeline lane', () => {
    const out = join(work, 'out-lane');
    const result = fixtureResult();
    (result.timeline[0] as { lane: string }).lane = 'dns provider';
    expectInputError(cutover('chart', resultFile('lane.json', result), '--out', out), /lane\.json: timeline\[0\]\.lane: expected one of registrar, .*found "dns provider"/, out);
  });

  it('refuses a file that does not exist', () => {
    const out = join(work, 'out-missing-file');
    expectInputError(cutover('chart', join(work, 'nothing.json'), '--out', out), /nothing\.json: no such file or directory/, out);
  });

  it('requires --out', () => {
    const r = cutover('chart', resultFile('good2.json', fixtureResult()));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/out/);
  });
});
