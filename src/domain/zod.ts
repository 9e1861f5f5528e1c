/**
 * zod as the workbench uses it. zod compiles object parsers with
 * `new Function` where it may, probing for that when a schema is created;
 * the page's Content-Security-Policy (index.html) allows no eval, so the probe
 * is refused and reported as a violation, and zod parses without it anyway.
 * Configured jitless here, before any schema exists: every module that
 * builds schemas takes `z` from this file.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
