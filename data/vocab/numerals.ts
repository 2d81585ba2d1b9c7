// Counts in words, as the documents write them: 两 for two (两不愁三保障, 两个维护), 十 for ten. Past ten the
// cards write digits (12个); the quiz words its wrong counts up to 十三 beside a right one in words.
export const COUNT_NUMERALS = [
  '零',
  '一',
  '两',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
];
