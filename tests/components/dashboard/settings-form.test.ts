import { describe, expect, it } from 'vitest';
import { parseForm, toForm } from '@/components/dashboard/settings-form';
import { DEFAULT_SETTINGS } from '@/data/srs/settings';

describe('settings form', () => {
  it('round-trips the defaults', () => {
    const { patch, errors } = parseForm(toForm(DEFAULT_SETTINGS));
    expect(errors).toEqual({});
    expect(patch).toEqual({
      newPerDay: 20,
      reviewsPerDay: 200,
      desiredRetention: 0.9,
      learningSteps: ['1m', '10m'],
      relearningSteps: ['10m'],
      leechThreshold: 8,
      dayStartHour: 4,
    });
  });

  it('accepts a percentage and steps separated by Chinese commas', () => {
    const { patch, errors } = parseForm({
      ...toForm(DEFAULT_SETTINGS),
      desiredRetention: '85%',
      learningSteps: '1m，10m、1h',
    });
    expect(errors).toEqual({});
    expect(patch).toMatchObject({ desiredRetention: 0.85, learningSteps: ['1m', '10m', '1h'] });
  });

  it('shows the retention as a percentage and the steps in Chinese units, and reads them back', () => {
    const form = toForm(DEFAULT_SETTINGS);
    expect(form).toMatchObject({ desiredRetention: '90', learningSteps: '1分钟 10分钟', relearningSteps: '10分钟' });
    const { patch, errors } = parseForm({ ...form, learningSteps: '5 分钟，2小时 1天', desiredRetention: '0.85' });
    expect(errors).toEqual({});
    expect(patch).toMatchObject({ learningSteps: ['5m', '2h', '1d'], desiredRetention: 0.85 });
  });

  it.each([
    ['newPerDay', '-1', '每日新卡片数'],
    ['newPerDay', '2.5', '每日新卡片数'],
    ['desiredRetention', '0.5', '70%–99%'],
    ['desiredRetention', '', '70%–99%'],
    ['learningSteps', '1m 十分钟', '“十分钟”'],
    ['dayStartHour', '24', '0–23'],
    ['leechThreshold', '0', '难点阈值'],
  ] as const)('%s = %j gives a Chinese message', (key, value, fragment) => {
    const { patch, errors } = parseForm({ ...toForm(DEFAULT_SETTINGS), [key]: value });
    expect(errors[key]).toContain(fragment);
    expect(patch).not.toHaveProperty(key);
  });

  it('names a field in its message as the form labels it, without the unit in brackets', () => {
    const { errors } = parseForm({ ...toForm(DEFAULT_SETTINGS), dayStartHour: '24', newPerDay: 'x' });
    expect(errors.dayStartHour).toBe('新一天开始时间应在 0–23 之间。');
    expect(errors.newPerDay).toBe('每日新卡片数请填写 0–9999 之间的整数。');
  });

  it.each([
    ['70', 0.7],
    ['99%', 0.99],
    ['0.7', 0.7],
  ] as const)('takes the retention %j at the edge of its range', (value, stored) => {
    const { patch, errors } = parseForm({ ...toForm(DEFAULT_SETTINGS), desiredRetention: value });
    expect(errors).toEqual({});
    expect(patch.desiredRetention).toBe(stored);
  });

  it.each(['69.9', '99.5', '0.695'])('refuses the retention %j just outside its range', (value) => {
    expect(parseForm({ ...toForm(DEFAULT_SETTINGS), desiredRetention: value }).errors.desiredRetention).toBe(
      '目标记住率应在 70%–99% 之间（例如 90）。',
    );
  });
});
