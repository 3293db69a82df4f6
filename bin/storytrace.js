#!/usr/bin/env node
// Entry point of the storytrace command; the code lives in dist/ (built by `npm install` via `prepare`).
import { main } from '../dist/cli/main.js';

await main(process.argv);
