import { describe, expect, it } from 'vitest';
import {
  fileName,
  parseFileName,
  parseSyncFile,
  serializeFile,
  SYNC_FORMAT,
  SYNC_VERSION,
  type SyncFile,
} from '../../../data/sync/format';

const device = 'd-0123456789ab';
const when = new Date(Date.UTC(2026, 0, 5, 8));
const log = {
  cardId: 'c1',
  noteId: 'n1',
  rating: 3,
  state: 0,
  due: when.toISOString(),
  stability: 2.3,
  difficulty: 5,
  elapsed_days: 0,
  last_elapsed_days: 0,
  scheduled_days: 0,
  learning_steps: 0,
  review: when.toISOString(),
};
const good = () => ({
  format: SYNC_FORMAT,
  version: 1,
  device,
  seq: 3,
  createdAt: when.toISOString(),
  ops: [
    { t: 'review', uid: `${device}/17`, log },
    { t: 'setting', key: 'newPerDay', value: 30, at: when.toISOString() },
  ],
});
const parse = (data: unknown) =>
  parseSyncFile(typeof data === 'string' ? data : JSON.stringify(data), { device, seq: 3 });

describe('sync files from the remote folder', () => {
  it('reads a good file back as written, dates as dates', () => {
    const parsed = parse(good());
    expect('file' in parsed).toBe(true);
    const file = (parsed as { file: SyncFile }).file;
    expect(file.ops[0]).toMatchObject({ t: 'review', log: { cardId: 'c1', review: when } });
    expect(parse(serializeFile(file))).toEqual(parsed);
  });

  it.each([
    ['cut short', JSON.stringify(good()).slice(0, 120), /不完整或已损坏/],
    ['not a sync file', { format: 'tifa-backup' }, /不是提法的同步文件/],
    ['an unknown op', { ...good(), ops: [{ t: 'drop-table' }] }, /第 1 项操作：未知的同步操作/],
    [
      'a difficulty out of range',
      { ...good(), ops: [{ t: 'review', uid: `${device}/1`, log: { ...log, difficulty: 11 } }] },
      /难度必须在 0 到 10 之间/,
    ],
    ['a hostile uid', { ...good(), ops: [{ t: 'review', uid: '../../x', log }] }, /复习记录编号无效/],
    ['another device’s name', { ...good(), device: 'd-ffffffffffff' }, /与文件名不符/],
    [
      'a setting with an odd name',
      { ...good(), ops: [{ t: 'setting', key: '__proto__', value: 1, at: when.toISOString() }] },
      /设置名无效/,
    ],
  ])('refuses %s', (_what, data, message) => {
    const parsed = parse(data);
    expect(parsed).toHaveProperty('problem');
    expect((parsed as { problem: string }).problem).toMatch(message);
  });

  it('refuses a file from a newer Tifa, saying to upgrade', () => {
    expect(parse({ ...good(), version: SYNC_VERSION + 1, ops: [{ t: 'something-new' }] })).toEqual({
      problem: expect.stringMatching(/更新版本的提法.*升级/),
      newer: true,
    });
  });

  it('names files by sequence and content hash, and reads only such names', () => {
    expect(fileName(12, 'abcdef0123456789ffff')).toBe('00000012-abcdef0123456789.json');
    expect(parseFileName('00000012-abcdef0123456789.json')).toEqual({ seq: 12, hash: 'abcdef0123456789' });
    for (const name of [
      '.part-1234',
      '00000012-abcdef0123456789.json.tmp',
      '12-abcdef0123456789.json',
      '../00000012-abcdef0123456789.json',
    ])
      expect(parseFileName(name)).toBeUndefined();
  });
});
