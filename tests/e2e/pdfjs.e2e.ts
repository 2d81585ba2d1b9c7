// pdf.js as packaged in the built extension (wxt.config.ts → /pdfjs/): its worker starts from an
// extension page and the GB cMaps are served locally. Reading a PDF end to end is the import suite's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { watchErrors } from './harness.ts';
import { suiteTifa } from './suite.ts';

const tifa = await suiteTifa();

test('the packaged pdf.js worker starts in an extension page and the GB cMaps are there', async () => {
  const page = await tifa.openDashboard();
  const errors = watchErrors(page);
  const result = await page.evaluate(async () => {
    const worker = new Worker(new URL('/pdfjs/pdf.worker.min.mjs', location.href), { type: 'module' });
    // pdf.js's worker announces itself with {action: 'ready'} once its module has loaded.
    const ready = await new Promise<string>((resolve) => {
      worker.onmessage = (e: MessageEvent<{ action?: string }>) => resolve(e.data?.action ?? 'other');
      worker.onerror = () => resolve('error');
      setTimeout(() => resolve('timeout'), 20_000);
    });
    worker.terminate();
    const cmaps = await Promise.all(
      ['UniGB-UCS2-H', 'Adobe-GB1-UCS2', 'GBK-EUC-H', 'UniGB-UTF16-H'].map(async (name) => {
        const response = await fetch(`/pdfjs/cmaps/${name}.bcmap`);
        return response.ok ? (await response.arrayBuffer()).byteLength : 0;
      }),
    );
    return { ready, cmaps };
  });
  assert.equal(result.ready, 'ready');
  for (const size of result.cmaps) assert.ok(size > 1000, `cMap of ${size} bytes`);
  assert.deepEqual(errors, []);
  assert.deepEqual(tifa.outsideRequests, []);
  await page.close();
});
