// The "Tifa" note type: its fields, one card template and the CSS that makes an Anki card look like
// Tifa's (paper background, red rule, the answer marked in yellow inside the quoted sentence).

export const FIELD_NAMES = ['问题', '答案', '原文', '出处', '成员'] as const;

export const NOTETYPE_NAME = '提法 Tifa';
export const TEMPLATE_NAME = '提法卡片';

export const FRONT = `<div class="tifa-prompt">{{问题}}</div>`;

export const BACK = `{{FrontSide}}
<hr id="answer">
<div class="tifa-answer">{{答案}}</div>
{{#成员}}<div class="tifa-members">{{成员}}</div>{{/成员}}
{{#原文}}<blockquote class="tifa-quote">{{原文}}</blockquote>{{/原文}}
{{#出处}}<div class="tifa-source">{{出处}}</div>{{/出处}}`;

export const CSS = `.card {
  font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif;
  font-size: 22px; line-height: 1.6; text-align: left; color: #1f1f1f; background: #fffaf0;
  max-width: 40em; margin: 0 auto; padding: 16px;
}
.tifa-prompt { font-size: 24px; font-weight: 600; }
hr#answer { border: 0; border-top: 3px solid #b3261e; margin: 16px 0; }
.tifa-answer { font-size: 24px; color: #b3261e; font-weight: 600; }
.tifa-members ol { margin: 8px 0; padding-left: 1.6em; }
.tifa-quote { margin: 12px 0; padding: 8px 12px; border-left: 4px solid #e0a100; background: #fff; font-size: 18px; }
.tifa-quote b, .tifa-quote mark { background: #ffe08a; color: inherit; font-weight: normal; padding: 0 1px; }
.tifa-source { color: #6b6b6b; font-size: 16px; }
.nightMode.card, .night_mode .card { background: #1f1f1f; color: #eee; }
.nightMode .tifa-quote, .night_mode .tifa-quote { background: #2a2a2a; }
.nightMode .tifa-quote b, .night_mode .tifa-quote b { color: #1f1f1f; }`;
