/**
 * Silencing glpk's terminal output.
 *
 * glpk's `write()` prints "Writing problem data to ..." and "N lines were
 * written" whatever `msglev` says. The Emscripten runtime inside glpk.js binds
 * `console.log` once, when the instance is created (`console.log.bind(console)`),
 * so replacing `console.log` around a later `write()` call does not reach it.
 * `instantiateGlpk` therefore creates the instance while `console.log` is a
 * router: glpk keeps the router, which forwards to whatever `console.log` is at
 * print time unless `muteGlpkOutput` is running. Instances created otherwise
 * cannot be silenced (their output goes to the console it was at creation).
 */

let muted = 0;

function router(this: unknown, ...args: unknown[]): void {
  if (muted > 0) return;
  const current = console.log;
  // While the instance is being created `console.log` is the router itself.
  (current === router ? original : current).apply(console, args);
}

let original: (...args: unknown[]) => void = console.log;
let creating = 0;

/** Creates a glpk.js instance whose stdout can be muted by `muteGlpkOutput`. */
export async function instantiateGlpk<T>(factory: () => Promise<T>): Promise<T> {
  if (creating++ === 0 && console.log !== router) {
    original = console.log;
    console.log = router;
  }
  try {
    return await factory();
  } finally {
    // Leave console.log alone if someone else replaced it meanwhile.
    if (--creating === 0 && console.log === router) console.log = original;
  }
}

/** Runs `fn` with glpk's stdout (and `console.log`) silenced; both are restored afterwards. */
export function muteGlpkOutput<T>(fn: () => T): T {
  const saved = console.log;
  muted++;
  console.log = () => {};
  try {
    return fn();
  } finally {
    muted--;
    console.log = saved;
  }
}
