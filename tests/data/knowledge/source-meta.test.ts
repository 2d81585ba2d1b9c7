// Titles and dates of documents (issue 14, point 4), on heads written for these tests in the
// shapes documents come in: a speech with a subtitle, a report with a dated subtitle, a 意见 with a
// closing dateline, a news release, a note at the end, a traditional-character report.
import { describe, expect, it } from 'vitest';
import { normalizeDocument } from '../../../data/knowledge/normalize';
import { sourceMeta } from '../../../data/knowledge/source-meta';

const meta = (text: string, file = 'doc.txt') => {
  const norm = normalizeDocument(text);
  return sourceMeta(file, norm.text, norm.traditional, norm, text);
};

const BODY = '同志们：\n这次会议的主要任务是，总结过去一年的工作，部署今年的任务。我们要坚定信心，扎实工作。\n';

describe('sourceMeta', () => {
  it.each([
    [
      'a speech: title, subtitle, dateline, author',
      '团结奋斗 共创美好未来\n——在全省干部大会上的讲话\n（2023年1月6日）\n王明\n' + BODY,
      '团结奋斗 共创美好未来',
      '2023-01-06',
    ],
    [
      'a report: subtitle with its date, author line',
      '政府工作报告\n——2024年3月5日在第十四届全国人民代表大会第二次会议上\n国务院总理李强\n' + BODY,
      '政府工作报告',
      '2024-03-05',
    ],
    [
      'a 意见 closing on its dateline',
      '关于推进基层治理现代化的意见\n' + BODY + '中共某某省委\n2022年6月18日\n',
      '关于推进基层治理现代化的意见',
      '2022-06-18',
    ],
    [
      'a dateline in Chinese numerals',
      '关于加强乡村文化建设的通知\n' + BODY + '二〇二五年三月\n',
      '关于加强乡村文化建设的通知',
      '2025-03',
    ],
    [
      'a parenthesized date in Chinese numerals',
      '在纪念大会上的讲话\n（二〇二一年七月一日）\n' + BODY,
      '在纪念大会上的讲话',
      '2021-07-01',
    ],
    [
      'a news release without a year',
      '中共中央政治局召开会议 分析研究经济工作\n新华社北京12月8日电 中共中央政治局12月8日召开会议。\n' + BODY,
      '中共中央政治局召开会议 分析研究经济工作',
      undefined,
    ],
    [
      'a closing note on the speech',
      '坚持走自己的路 推进改革发展\n' + BODY + '※这是习近平总书记2021年12月6日在集体学习时的讲话。\n',
      '坚持走自己的路 推进改革发展',
      '2021-12-06',
    ],
    [
      'a headline starting with the speaker',
      '习近平在中共中央政治局第十次集体学习时强调 加快发展新质生产力\n' + BODY,
      '在中共中央政治局第十次集体学习时强调 加快发展新质生产力',
      undefined,
    ],
    [
      'a name that is one phrase',
      '中共中央 国务院关于全面推进乡村振兴的意见\n' + BODY,
      '中共中央国务院关于全面推进乡村振兴的意见',
      undefined,
    ],
    [
      'traditional characters',
      '政府工作報告\n——2025年3月5日在第十四屆全國人民代表大會第三次會議上\n國務院總理 李強\n各位代表：\n現在，我代表國務院，向大會報告政府工作，請予審議。\n',
      '政府工作报告',
      '2025-03-05',
    ],
  ])('%s', (_label, text, title, date) => {
    const m = meta(text);
    expect(m.title).toBe(title);
    expect(m.date).toBe(date);
  });

  it('takes the date from the file name when the text gives none, and leaves it unknown otherwise', () => {
    expect(meta('关于加强乡村文化建设的通知\n' + BODY, '2024-05-20_通知.txt').date).toBe('2024-05-20');
    expect(meta('关于加强乡村文化建设的通知\n' + BODY, '20240520.txt').date).toBe('2024-05-20');
    expect(meta('关于加强乡村文化建设的通知\n' + BODY, '000_43cddc19a527ac1f.txt').date).toBeUndefined();
  });
});

describe('a text pasted without its headline', () => {
  it.each([
    ['a lead paragraph', '省人民代表大会今天上午在省会开幕，省长向大会作政府工作报告。\n一、过去一年工作回顾\n' + BODY],
    [
      'a reporter’s byline and lead',
      '《时代》记者/王晓明 2025年3月5日，省人民代表大会开幕，省长作政府工作报告，回顾了过去一年的工作。\n' + BODY,
    ],
    ['a salutation', '全国同胞们，尊敬的各位来宾，同志们、朋友们：\n今天，我们隆重集会，纪念这个伟大的日子。\n'],
    ['a salutation without its colon', '同志们、朋友们\n今天，我们隆重集会，纪念这个伟大的日子。\n'],
    ['a section heading', '一、2025年工作回顾\n过去一年，全省经济运行总体平稳。\n'],
    ['a table of contents', '报告共分四个部分：一、工作回顾；二、主要目标；三、政策取向；四、工作任务\n' + BODY],
    [
      'a line too long for a title',
      '全省上下坚持稳中求进工作总基调完整准确全面贯彻新发展理念加快构建新发展格局着力推动高质量发展扎实推进共同富裕不断增进民生福祉\n' +
        BODY,
    ],
  ])('has no title: %s', (_label, text) => {
    expect(meta(text).title).toBe('');
  });

  it('keeps a short headline, and the date it finds', () => {
    const m = meta('在纪念大会上的讲话\n（2025年9月3日）\n全国同胞们，同志们、朋友们：\n今天，我们隆重集会。\n');
    expect(m).toMatchObject({ title: '在纪念大会上的讲话', date: '2025-09-03' });
    expect(meta('全国同胞们，同志们、朋友们：\n今天，我们隆重集会。\n', '2025-09-03_讲话.txt').date).toBe('2025-09-03');
  });

  it('takes a headline that opens with its year, but not a dateline', () => {
    const report = meta(
      '2026年政府工作报告\n——2026年3月5日在第十四届全国人民代表大会第四次会议上\n国务院总理 李强\n各位代表：\n现在，我代表国务院，向大会报告政府工作，请予审议。\n',
    );
    expect(report).toMatchObject({ title: '2026年政府工作报告', date: '2026-03-05' });
    expect(meta('2025年3月5日在省人民代表大会上\n关于过去一年工作的报告\n' + BODY).title).toBe(
      '关于过去一年工作的报告',
    );
  });

  it("dates a 公报 by its meeting's last day when nothing else dates it", () => {
    const lead =
      '中国共产党第二十届中央委员会第四次全体会议，于2025年10月20日至23日在北京举行。\n出席这次全会的有，中央委员168人。\n';
    expect(meta('中国共产党第二十届中央委员会第四次全体会议公报\n' + lead).date).toBe('2025-10-23');
    expect(meta('全会公报\n全会于2024年12月30日至1月2日在北京召开。\n').date).toBe('2025-01-02');
    expect(meta('全会公报\n' + lead, '2025-10-24_公报.txt').date).toBe('2025-10-24');
  });
});
