#!/usr/bin/env node
// The installed `futstar-keeper` command: loads the TypeScript CLI through tsx's ESM loader.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
