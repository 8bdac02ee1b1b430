// The entry point for running from source: node --import tsx src/cli/run.ts compare a.txt b.txt
import { main } from './main.js';

process.exitCode = await main(process.argv.slice(2));
