import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CUTOVER, LAB_DIR, daemonLog, startDaemon, stopDaemon } from './lab.ts';
import { dig } from './dig.ts';

const work = mkdtempSync(join(tmpdir(), 'cutover-errors-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cutover(...args: string[]) {
  const r = spawnSync(process.execPath, [CUTOVER, ...args], { encoding: 'utf8', timeout: 30_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function zoneDir(name: string, text: string): string {
  const dir = join(work, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'example.zone'), text);
  return dir;
}

const goodZone = ['$ORIGIN example.', '$TTL 300', '@ IN SOA ns.example. host.example. 1 7200 900 1209600 300', '@ IN NS ns.example.', 'ns IN A 127.63.0.9', 'www IN A 192.0.2.1', ''].join('\n');

/** One line on stderr, exit status 2, nothing on stdout: how every input mistake must end. */
function expectInputError(result: ReturnType<typeof cutover>, pattern: RegExp) {
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^cutover: /);
  expect(lines[0]).toMatch(pattern);
}

describe('the CLI on bad input', () => {
  it('names the zone file, line and column of a bad TTL', () => {
    const dir = zoneDir('badttl', goodZone.replace('www IN A', 'www 12x IN A'));
    expectInputError(cutover('serve', '--zones', dir, '--listen', '127.63.0.1:53'), /example\.zone:6:5\b.*12x/);
  });
  it('refuses a zone without an SOA, naming the file', () => {
    const dir = zoneDir('nosoa', goodZone.replace(/^@ IN SOA.*$/m, ''));
    expectInputError(cutover('serve', '--zones', dir, '--listen', '127.63.0.1:53'), /example\.zone.*SOA/);
  });
  it('refuses a zone directory that does not exist', () => {
    expectInputError(cutover('serve', '--zones', join(work, 'missing'), '--listen', '127.63.0.1:53'), /missing: no such directory/);
  });
  it('refuses to listen anywhere but loopback', () => {
    expectInputError(cutover('serve', '--zones', join(LAB_DIR, 'root'), '--listen', '10.1.2.3:53'), /only loopback/);
  });
  it('refuses a malformed --listen', () => {
    expectInputError(cutover('serve', '--zones', join(LAB_DIR, 'root'), '--listen', '127.0.0.1:99999'), /expected IP:PORT/);
  });
  it('names an unknown profile', () => {
    expectInputError(cutover('resolve', 'example.com', '--root-hints', join(LAB_DIR, 'root.hints'), '--profile', 'unbund'), /unbund/);
  });
  it('refuses an unknown record type', () => {
    expectInputError(cutover('resolve', 'example.com', 'BOGUS', '--root-hints', join(LAB_DIR, 'root.hints')), /BOGUS.*record type/);
  });
  it('refuses a bad name', () => {
    expectInputError(cutover('resolve', 'a..b', '--root-hints', join(LAB_DIR, 'root.hints')), /empty label/);
  });
  it('refuses root hints without root servers', () => {
    const file = join(work, 'empty.hints');
    writeFileSync(file, 'example. 300 IN A 192.0.2.1\n');
    expectInputError(cutover('resolve', 'example.com', '--root-hints', file), /no NS records for the root/);
  });
  it('refuses an unknown command or flag', () => {
    expectInputError(cutover('serv'), /serv/);
    expectInputError(cutover('serve', '--zones', 'x', '--listen', '127.0.0.1:53', '--bogus'), /bogus/);
  });
});

describe('cutover serve reloading on SIGHUP', () => {
  it('keeps serving the old data when the new file does not parse, and says where', async () => {
    const dir = zoneDir('reload', goodZone);
    const server = await startDaemon(['serve', '--zones', dir, '--listen', '127.63.0.2:53'], /serving/);
    try {
      expect((await dig('127.63.0.2', 53, 'www.example.')).answer[0]?.data).toBe('192.0.2.1');
      writeFileSync(join(dir, 'example.zone'), goodZone.replace('192.0.2.1', '192.0.2.2').replace('IN NS', 'IN NS (unclosed'));
      server.kill('SIGHUP');
      await waitFor(() => /reload failed/.test(daemonLog(server)));
      expect(daemonLog(server)).toMatch(/reload failed.*example\.zone:\d+/);
      expect((await dig('127.63.0.2', 53, 'www.example.')).answer[0]?.data).toBe('192.0.2.1');
      writeFileSync(join(dir, 'example.zone'), goodZone.replace('192.0.2.1', '192.0.2.2'));
      server.kill('SIGHUP');
      await waitFor(() => /reloaded/.test(daemonLog(server)));
      expect((await dig('127.63.0.2', 53, 'www.example.')).answer[0]?.data).toBe('192.0.2.2');
    } finally {
      await stopDaemon(server);
    }
  });
});

async function waitFor(condition: () => boolean, ms = 10_000) {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > ms) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
