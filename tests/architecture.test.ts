// The architecture is checked, not hoped for: pure code under data/ stays free of the browser,
// the database and the UI, so the same code builds the deck in Node and runs in the extension.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : /\.(ts|tsx|mts)$/.test(name) ? [path] : [];
  });
}

/** Files under data/ that may talk to the platform: the database room and the message protocol. */
const IMPURE = [/^data\/db\//, /^data\/messages\.ts$/];
const FORBIDDEN_IMPORTS =
  /from\s+['"](dexie|dexie-react-hooks|react|react-dom(\/.*)?|wxt(\/.*)?|#imports|@webext-core\/.*|webextension-polyfill)['"]/;
// Globals that exist only in a browser or extension; `\b` plus the dot keeps words like "browserish" out.
const FORBIDDEN_GLOBALS = /(?<![\w.'"`])(browser|chrome|document|window|localStorage|indexedDB)\s*\.(?!\s)/;

function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const pureFiles = walk(join(ROOT, 'data'))
  .map((file) => relative(ROOT, file))
  .filter((file) => !IMPURE.some((re) => re.test(file)));

describe('pure code under data/', () => {
  it('exists', () => {
    expect(pureFiles.length).toBeGreaterThan(0);
  });

  it.each(pureFiles)('%s imports no platform library and touches no browser global', (file) => {
    const source = stripComments(readFileSync(join(ROOT, file), 'utf8'));
    expect(source).not.toMatch(FORBIDDEN_IMPORTS);
    expect(source).not.toMatch(FORBIDDEN_GLOBALS);
  });
});

describe('the checks themselves', () => {
  it.each([
    ["import Dexie from 'dexie';", FORBIDDEN_IMPORTS],
    ["import { useState } from 'react';", FORBIDDEN_IMPORTS],
    ["import { browser } from 'wxt/browser';", FORBIDDEN_IMPORTS],
    ["import { storage } from '#imports';", FORBIDDEN_IMPORTS],
    ['await browser.storage.local.get()', FORBIDDEN_GLOBALS],
    ['const x = document.body;', FORBIDDEN_GLOBALS],
    ['chrome.runtime.sendMessage({})', FORBIDDEN_GLOBALS],
  ])('catch %s', (line, re) => {
    expect(stripComments(line)).toMatch(re);
  });

  it.each(["const browserName = 'x';", '// document.body in a comment', "const s = 'window.x';"])(
    'let %s pass',
    (line) => {
      expect(stripComments(line)).not.toMatch(FORBIDDEN_GLOBALS);
    },
  );
});

describe('content scripts', () => {
  const contentFiles = walk(join(ROOT, 'entrypoints'))
    .map((file) => relative(ROOT, file))
    .filter((file) => /\.content(\/|\.)/.test(file));

  it.each(contentFiles)('%s never opens the database (the page owns its IndexedDB)', (file) => {
    const source = stripComments(readFileSync(join(ROOT, file), 'utf8'));
    expect(source).not.toMatch(/from\s+['"](dexie|dexie-react-hooks|@\/data\/db(\/.*)?)['"]/);
    expect(source).not.toMatch(/indexedDB/);
  });
});
