import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderReport } from '../src/report.ts';
import { CHARTS } from '../src/charts/index.ts';
import { adoptionGeometry, adoptionReadouts } from '../src/charts/adoption.ts';
import { fixtureResult } from './fixtures/result.ts';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = resolve(import.meta.dirname, '../../../test-results/report.png');

const result = fixtureResult();
const work = mkdtempSync(join(tmpdir(), 'cutover-report-'));
const reportPath = join(work, 'report.html');
writeFileSync(reportPath, renderReport(result));

describe('report.html in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];
  const outsideRequests: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      outsideRequests.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(reportPath).href, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('loads with no console errors and no network requests', () => {
    expect(consoleErrors).toEqual([]);
    expect(outsideRequests).toEqual([]);
  });

  it('shows every chart at a readable size', async () => {
    for (const chart of CHARTS) {
      const svg = page.locator(`#chart-${chart.id} svg`);
      await expect.poll(() => svg.isVisible()).toBe(true);
      const box = await svg.boundingBox();
      expect(box?.width).toBeGreaterThan(800);
      expect(box?.height).toBeGreaterThan(200);
    }
  });

  it('shows the read-out and the rule for the bin under the pointer', async () => {
    const geometry = adoptionGeometry(result);
    const readouts = adoptionReadouts(result);
    const target = page.locator('#chart-adoption svg .hover-target');
    const box = await target.boundingBox();
    if (box === null) throw new Error('no hover target');
    const t = result.changeAt + 3 * 3600 + 20 * 60;
    const unitsToPixels = box.width / (geometry.plot.right - geometry.plot.left);
    await target.hover({ position: { x: (geometry.x(t) - geometry.plot.left) * unitsToPixels, y: box.height / 2 } });

    const expected = readouts.text[result.t.indexOf(t)];
    expect(expected).toMatch(/^t = \+3 h 20 min: /);
    await expect.poll(() => page.locator('#adoption-readout').textContent()).toBe(expected);
    expect(await page.locator('#chart-adoption svg .hover').getAttribute('visibility')).toBe('visible');
    const ruleX = Number(await page.locator('#chart-adoption svg .hover-rule').getAttribute('x1'));
    expect(ruleX).toBeCloseTo(geometry.x(t), 1);

    mkdirSync(resolve(SCREENSHOT, '..'), { recursive: true });
    await page.locator('#chart-adoption').scrollIntoViewIfNeeded();
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('hides the rule again when the pointer leaves the chart', async () => {
    await page.mouse.move(2, 2);
    await expect.poll(() => page.locator('#chart-adoption svg .hover').getAttribute('visibility')).toBe('hidden');
  });
});
