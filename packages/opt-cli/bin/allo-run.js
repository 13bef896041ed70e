#!/usr/bin/env node
// Launcher of allo-run: the committed entry npm links at install time (dist/ is built by `npm install`).
import { launch } from "../dist/launch.js";

await launch("allo-run");
