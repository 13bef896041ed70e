#!/usr/bin/env node
// Launcher of allo-run: the committed entry npm links at install time (dist/ is built by `npm install`).
import "../dist/allo-run.js";
