import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const PLATFORM = ['dexie', 'dexie-react-hooks', 'react', 'react-dom', 'wxt', '#imports', 'webextension-polyfill'];
const PURE =
  'Pure code under data/ (all but data/db and data/messages.ts) imports no platform library, database, UI or entry point.';
const CONTENT =
  "The content script never opens the database: a page's IndexedDB belongs to the website. Ask the background.";

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'public/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Page text must never reach innerHTML (issue 5): forbid it outright in our code.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Use textContent or React; page text must never go through innerHTML.' },
        { property: 'outerHTML', message: 'Use textContent or React.' },
      ],
      // The pages run on Preact, which only writes the autofocus attribute (honoured once per document).
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='autoFocus']",
          message:
            'Use ref={focusOnMount} (components/common/focus.ts): autoFocus does nothing after the first element under Preact.',
        },
      ],
    },
  },
  // The rooms' import rules (README.md, "Layout"); tests/lint-boundaries.test.ts proves they fire.
  {
    files: ['data/**/*.{ts,tsx}'],
    ignores: ['data/db/**', 'data/messages.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: PLATFORM.map((name) => ({ name, message: PURE })),
          patterns: [
            { group: ['wxt/*', '@webext-core/*', 'react-dom/*'], message: PURE },
            // Types of stored rows are fine (erased at build); values from the database are not. The record
            // schemas (data/db/records.ts) are pure valibot: the sync check parses remote files with them.
            {
              group: [
                '@/data/db/*',
                '../db/*',
                '../../db/*',
                './db/*',
                '!@/data/db/records',
                '!../db/records',
                '!../../db/records',
                '!./db/records',
              ],
              allowTypeImports: true,
              message: PURE,
            },
            {
              group: [
                '@/components/*',
                '@/entrypoints/*',
                '@/lib/*',
                '**/components/*',
                '**/entrypoints/*',
                '**/lib/*',
              ],
              message: PURE,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/entrypoints/*', '**/entrypoints/*'],
              message:
                'components/ and lib/ never import entrypoints/: entry points wire them, not the other way round.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['entrypoints/*.content/**/*.{ts,tsx}', 'entrypoints/*.content.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['dexie', 'dexie-react-hooks'].map((name) => ({ name, message: CONTENT })),
          patterns: [{ group: ['@/data/db/*', '**/data/db/*'], message: CONTENT }],
        },
      ],
    },
  },
  {
    files: ['**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
);
