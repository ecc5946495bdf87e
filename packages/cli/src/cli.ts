import yargs from 'yargs';
import { InputError } from '@cutover/resolver';
import { serveCommand } from './commands/serve.ts';
import { resolverCommand } from './commands/resolver.ts';
import { resolveCommand } from './commands/resolve.ts';
import { chartCommand } from './commands/chart.ts';
import { runCommand } from './commands/run.ts';
import { mergeCommand } from './commands/merge.ts';
import { halflifeCommand } from './commands/halflife.ts';
import { UsageError } from './usage-error.ts';

/**
 * Parses argv and runs one command. Bad input of any kind (a flag, a file, a name) ends in one
 * line on stderr and exit status 2; nothing partial is written.
 */
export async function runCli(argv: string[]): Promise<number> {
  let failure: string | undefined;
  try {
    await yargs(argv)
      .scriptName('cutover')
      .command(serveCommand)
      .command(resolverCommand)
      .command(resolveCommand)
      .command(runCommand)
      .command(mergeCommand)
      .command(chartCommand)
      .command(halflifeCommand)
      .demandCommand(1, 'name a command: run, merge, chart, halflife, serve, resolver or resolve')
      .strict()
      .help()
      .version(false)
      .wrap(Math.min(100, process.stdout.columns ?? 100))
      .fail((message, error) => {
        if (error) throw error;
        throw new UsageError(message ?? 'bad usage');
      })
      .parseAsync();
  } catch (error) {
    failure = describeFailure(error);
  }
  if (failure === undefined) return 0;
  process.stderr.write(`cutover: ${failure}\n`);
  return 2;
}

function describeFailure(error: unknown): string {
  if (error instanceof InputError) return oneLine(error.message);
  if (error instanceof Error && 'code' in error && typeof error.code === 'string' && 'path' in error) {
    return oneLine(`${String(error.path)}: ${error.code === 'ENOENT' ? 'no such file or directory' : error.message}`);
  }
  throw error;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
