// The rooms' import rules live in eslint.config.js; this proves each fires on a bad import (and
// lets a good one pass), so a typo in a glob cannot switch a rule off unnoticed.
import { ESLint } from 'eslint';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: join(import.meta.dirname, '..') });

async function boundaryErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('import boundaries', () => {
  // Loading the config and its plugins takes seconds on a busy machine: once, before the cases.
  beforeAll(() => eslint.lintText('', { filePath: 'data/warm-up.ts' }), 60_000);

  it.each([
    ["import Dexie from 'dexie';", 'data/knowledge/bad.ts'],
    ["import { useState } from 'react';", 'data/srs/bad.ts'],
    ["import { browser } from 'wxt/browser';", 'data/match/bad.ts'],
    ["import { db } from '@/data/db/schema';", 'data/quiz/bad.ts'],
    ["import { getCard } from '../db/cards';", 'data/knowledge/bad.ts'],
    ["import { RATINGS } from '@/components/review/keys';", 'data/vocab/bad.ts'],
    ["import { startHoverCard } from '@/entrypoints/page.content/hover-card';", 'components/content/bad.ts'],
    ["import { thing } from '../../entrypoints/background/deck';", 'components/dashboard/bad.ts'],
    ["import { db } from '@/data/db/schema';", 'entrypoints/page.content/bad.ts'],
    ["import Dexie from 'dexie';", 'entrypoints/page.content/bad.ts'],
  ])('refuses %s in %s', async (code, file) => {
    expect(await boundaryErrors(code, file)).toHaveLength(1);
  });

  it.each([
    ["import type { CardRow } from '../db/schema';", 'data/knowledge/good.ts'],
    ["import { stableId } from './stable-id';", 'data/knowledge/good.ts'],
    ["import { db } from '@/data/db/schema';", 'components/dashboard/good.ts'],
    ["import { db } from '@/data/db/schema';", 'entrypoints/background/good.ts'],
    ["import Dexie from 'dexie';", 'data/db/good.ts'],
  ])('lets %s in %s pass', async (code, file) => {
    expect(await boundaryErrors(code, file)).toEqual([]);
  });
});

describe('focus on mount', () => {
  it('refuses autoFocus (Preact only writes the attribute, honoured once per document) and lets the ref pass', async () => {
    const rule = async (code: string) =>
      (await eslint.lintText(code, { filePath: 'components/quiz/bad.tsx' }))[0].messages.filter(
        (m) => m.ruleId === 'no-restricted-syntax',
      );
    expect(await rule('export const A = () => <input autoFocus />;\n')).toHaveLength(1);
    expect(
      await rule(
        "import { focusOnMount } from '../common/focus';\nexport const A = () => <input ref={focusOnMount} />;\n",
      ),
    ).toEqual([]);
  });
});
