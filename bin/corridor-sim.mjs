#!/usr/bin/env node
// Entry point for `npx corridor-sim`: load tsx's loader, then the TypeScript CLI. Simulation
// work runs in bundled worker threads, so tsx's per-function overhead stays off the hot path.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
