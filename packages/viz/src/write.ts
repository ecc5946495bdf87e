import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Result } from '@cutover/sim/result';
import { CHARTS } from './charts/index.ts';
import { svgToPng } from './png.ts';
import { renderReport } from './report.ts';

/** A file to write: its name inside the output directory and its content. */
export type OutputFile = [name: string, content: string | Buffer];

/** report.html, then one .svg and .png per chart, all rendered in memory. */
export function renderChartFiles(result: Result): OutputFile[] {
  const svgs: Record<string, string> = {};
  for (const chart of CHARTS) svgs[chart.id] = chart.render(result);
  const files: OutputFile[] = [['report.html', renderReport(result, svgs)]];
  for (const chart of CHARTS) {
    const svg = svgs[chart.id] as string;
    files.push([`${chart.id}.svg`, svg], [`${chart.id}.png`, svgToPng(svg)]);
  }
  return files;
}

/** Writes `files` into `dir` (created if missing) and returns their paths in order. */
export async function writeOutputFiles(files: readonly OutputFile[], dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const [name, content] of files) {
    const path = join(dir, name);
    await writeFile(path, content);
    written.push(path);
  }
  return written;
}

/**
 * Writes report.html and one .svg and .png per chart into `dir`. Everything is rendered before
 * the first file is written, so a failure leaves no half-written set. Returns the paths written,
 * report first.
 */
export async function writeCharts(result: Result, dir: string): Promise<string[]> {
  return writeOutputFiles(renderChartFiles(result), dir);
}
