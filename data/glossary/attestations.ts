// Documents that attest many glossary entries (an entry cites the rest inline).

import type { Attestation } from '../knowledge/raw';

export const JD15: Attestation = { title: '中共中央 国务院关于打赢脱贫攻坚战的决定', date: '2015-11-29' };
export const ZT18: Attestation = { title: '在打好精准脱贫攻坚战座谈会上的讲话', date: '2018-02-12' };
export const DZ22: Attestation = { title: '中国共产党章程（党的二十大部分修改）', date: '2022-10-22' };
export const R13: Attestation = { title: '党的十三大报告', date: '1987-10-25' };
export const R16: Attestation = { title: '党的十六大报告', date: '2002-11-08' };
export const R18: Attestation = { title: '党的十八大报告', date: '2012-11-08' };
export const R19: Attestation = { title: '党的十九大报告', date: '2017-10-18' };
export const R20: Attestation = { title: '党的二十大报告', date: '2022-10-16' };
export const JY21: Attestation = { title: '中共中央关于党的百年奋斗重大成就和历史经验的决议', date: '2021-11-11' };
export const QY21: Attestation = { title: '在庆祝中国共产党成立100周年大会上的讲话', date: '2021-07-01' };
export const ZZ16: Attestation = { title: '关于新形势下党内政治生活的若干准则', date: '2016-10-27' };
export const SZ13: Attestation = { title: '中共中央关于全面深化改革若干重大问题的决定', date: '2013-11-12' };
export const SZ14: Attestation = { title: '中共中央关于全面推进依法治国若干重大问题的决定', date: '2014-10-23' };
export const GX16: Attestation = { title: '在全国高校思想政治工作会议上的讲话', date: '2016-12' };
export const XC18: Attestation = { title: '在全国宣传思想工作会议上的讲话', date: '2018-08' };
export const XC13: Attestation = { title: '在全国宣传思想工作会议上的讲话', date: '2013-08-19' };
export const JY18: Attestation = { title: '在全国教育大会上的讲话', date: '2018-09-10' };
export const XF82: Attestation = { title: '中华人民共和国宪法', date: '1982-12-04' };
export const LM20: Attestation = { title: '在全国劳动模范和先进工作者表彰大会上的讲话', date: '2020-11-24' };
export const ZZJS: Attestation = { title: '中共中央关于加强党的政治建设的意见', date: '2019-02' };
export const JX23: Attestation = { title: '在中共中央政治局第九次集体学习时的讲话', date: '2023-10-27' };
export const DZ20: Attestation = {
  title: '中国共产党第二十次全国代表大会关于《中国共产党章程（修正案）》的决议',
  date: '2022-10-22',
};
