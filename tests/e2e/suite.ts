// One Tifa for a whole e2e suite: `const tifa = await suiteTifa();` at the top of the file launches
// it, and the suite closes it after its last test.
import { after } from 'node:test';
import { launchTifa, type Tifa } from './harness.ts';

export async function suiteTifa(options?: Parameters<typeof launchTifa>[0]): Promise<Tifa> {
  const tifa = await launchTifa(options);
  after(() => tifa.close());
  return tifa;
}
