import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeCharts } from '../src/write.ts';
import { CHARTS } from '../src/charts/index.ts';
import { fixtureResult } from './fixtures/result.ts';
import { decodePng } from './helpers/png.ts';

const work = mkdtempSync(join(tmpdir(), 'cutover-write-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('writeCharts', () => {
  it('writes report.html and one SVG and one PNG per chart, creating the directory', async () => {
    const dir = join(work, 'nested', 'out');
    const written = await writeCharts(fixtureResult(), dir);
    const expected = ['report.html', ...CHARTS.flatMap((c) => [`${c.id}.svg`, `${c.id}.png`])];
    expect(written).toEqual(expected.map((name) => join(dir, name)));
    expect(readdirSync(dir).sort()).toEqual([...expected].sort());
    for (const chart of CHARTS) {
      const svg = readFileSync(join(dir, `${chart.id}.svg`), 'utf8');
      expect(svg).toBe(chart.render(fixtureResult()));
      const png = decodePng(readFileSync(join(dir, `${chart.id}.png`)));
      expect(png.width).toBe(2 * Number(/width="(\d+)"/.exec(svg)?.[1]));
    }
  });
});
