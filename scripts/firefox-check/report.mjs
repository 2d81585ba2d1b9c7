// The manual Firefox check's record: each check as it passes or fails (printed at once), groups whose
// unreached checks fail with the group's error, and the results written to OUT at the end.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXT_DIR } from './launch.mjs';

/** @type {{ name: string, ok: boolean, detail?: unknown }[]} */
export const checks = [];
const reported = new Set();
export function check(name, ok, detail) {
  reported.add(name);
  checks.push({ name, ok: !!ok, ...(detail === undefined ? {} : { detail }) });
  const said =
    ok || detail === undefined
      ? ''
      : ` — ${typeof detail === 'string' ? detail : JSON.stringify(detail)}`.slice(0, 600);
  console.log(`${ok ? 'PASS' : 'FAIL'}  ${name}${said}`);
}
/** Runs one group of checks; if it throws, every check of the group not yet reported fails with the error. */
export async function group(names, fn) {
  try {
    await fn();
  } catch (e) {
    const error = String(e?.message ?? e)
      .split('\n')[0]
      .slice(0, 400);
    for (const name of names) if (!reported.has(name)) check(name, false, `not reached: ${error}`);
    return;
  }
  for (const name of names) if (!reported.has(name)) check(name, false, 'not checked (bug in check.mjs)');
}

/** Writes results.json and console.json, prints the summary; returns the failed checks. */
export function writeReport({ out, firefox, seconds, fatal, browserConsole, firefoxLog, pageErrors }) {
  mkdirSync(out, { recursive: true });
  const failed = checks.filter((c) => !c.ok);
  writeFileSync(
    join(out, 'results.json'),
    JSON.stringify(
      {
        firefox,
        extension: EXT_DIR,
        seconds: Number(seconds),
        passed: checks.length - failed.length,
        failed: failed.length,
        error: fatal ? String(fatal.message ?? fatal) : null,
        checks,
      },
      null,
      1,
    ),
  );
  writeFileSync(join(out, 'console.json'), JSON.stringify({ pageErrors, browserConsole, firefoxLog }, null, 1));
  console.log(
    `\n${checks.length - failed.length}/${checks.length} checks passed${failed.length ? `, ${failed.length} FAILED` : ''} in ${seconds} s (Firefox ${firefox ?? '?'}). Results, screenshots: ${out}`,
  );
  return failed;
}

/** Fails the whole run when it takes longer than `ms`. */
export function failAfter(ms) {
  setTimeout(() => {
    console.log(`FAIL  the run did not finish within ${ms / 1000} s`);
    process.exit(1);
  }, ms).unref();
}

/** The last check: the Browser Console holds no error from the extension. Returns what it read. */
export async function checkBrowserConsole(read, extensionErrors) {
  const CONSOLE = 'Browser Console: no errors from the extension (background, content scripts, pages)';
  let browserConsole = [];
  await group([CONSOLE], async () => {
    browserConsole = await read();
    const errors = extensionErrors(browserConsole);
    check(
      CONSOLE,
      errors.length === 0,
      errors.map((m) => `${m.message} (${m.source}:${m.line})`),
    );
  });
  return browserConsole;
}
