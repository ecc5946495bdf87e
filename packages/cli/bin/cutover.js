#!/usr/bin/env node
// The sources are TypeScript; tsx compiles them as they load, so the command works straight after
// `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
