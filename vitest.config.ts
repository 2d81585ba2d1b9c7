import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Vitest 5 declares Node 22; on Node 20 its reporter needs Map.groupBy to print a failure.
// The config runs in the main process, so a polyfill here keeps failures readable.
if (!('groupBy' in Map)) {
  Object.defineProperty(Map, 'groupBy', {
    value<K, V>(items: Iterable<V>, key: (item: V, index: number) => K): Map<K, V[]> {
      const groups = new Map<K, V[]>();
      let i = 0;
      for (const item of items) {
        const k = key(item, i++);
        const group = groups.get(k);
        if (group) group.push(item);
        else groups.set(k, [item]);
      }
      return groups;
    },
  });
}

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    // The first deck build in a worker loads OpenCC's dictionaries; on a loaded 2-core machine that alone
    // passed Vitest's 5 s default (5.5 s seen). A timeout is not a speed check here: benches measure speed.
    testTimeout: 30_000,
  },
});
