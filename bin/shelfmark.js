#!/usr/bin/env node
import { main } from '../dist/app/cli/main.js';

await main();
