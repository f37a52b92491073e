#!/usr/bin/env node
import { cliModuleUrl } from './cli-module.js';

const { main } = await import(cliModuleUrl().href);

process.exitCode = await main(process.argv.slice(2));
