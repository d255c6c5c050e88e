/**
 * The figure finder and the words around a figure, on invented sentences
 * (none is an article's): units, Chinese numerals, ranks, qualifiers, dates,
 * goals, and what is not a figure.
 */
import { describe, expect, it } from 'vitest';
import { findFigures } from '../../src/extract/figures.js';
import { dateOf, periodOf, targetOf } from '../../src/extract/context.js';

const read = (s: string) => findFigures(s).map((m) => ({ printed: m.printed, value: m.value, unit: m.unit, qualifier: m.qualifier }));
const one = (s: string) => {
  const found = findFigures(s);
  expect(found, s).toHaveLength(1);
  return found[0];
};

describe('findFigures', () => {
  it('reads Arabic figures with 万/亿/万亿 and their units', () => {
    const cases: Array<[string, number, string]> = [
      ['建成展厅12个', 12, '个'],
      ['引进企业350家', 350, '家'],
      ['签订合同41项', 41, '项'],
      ['完成投资7.5亿元', 750000000, '元'],
      ['合计2.3万亿元', 2.3e12, '元'],
      ['覆盖率达到88.6%', 88.6, '%'],
      ['提高2.5个百分点', 2.5, '个百分点'],
      ['算力规模0.8万P', 8000, 'P'],
      ['年产饲料45吨', 45, '吨'],
      ['建成厂房12.4万平方米', 124000, '平方米'],
      ['流转土地3.2万亩', 32000, '亩'],
    ];
    for (const [s, value, unit] of cases) expect(read(s), s).toEqual([{ printed: s.match(/[\d.]+.*$/)![0], value, unit, qualifier: 'exact' }]);
  });

  it('reads Chinese numerals: 九成, 千亿级, 两份, 上千, 百个, 两万多个', () => {
    expect(read('满意度超九成')).toEqual([{ printed: '超九成', value: 90, unit: '%', qualifier: 'more-than' }]);
    expect(read('打造千亿级产业集群')).toEqual([{ printed: '千亿级', value: 1e11, unit: '元', qualifier: 'magnitude' }]);
    expect(read('收到两份通知')).toEqual([{ printed: '两份', value: 2, unit: '份', qualifier: 'exact' }]);
    expect(read('吸引上千名学生')).toEqual([{ printed: '上千名', value: 1000, unit: '名', qualifier: 'at-least' }]);
    expect(read('选出上千优秀案例')).toEqual([{ printed: '上千', value: 1000, unit: '', qualifier: 'at-least' }]);
    expect(read('推出百个案例')).toEqual([{ printed: '百个', value: 100, unit: '个', qualifier: 'exact' }]);
    expect(read('上架应用两万多个')).toEqual([{ printed: '两万多个', value: 20000, unit: '个', qualifier: 'more-than' }]);
    expect(read('研制万升级储罐')).toEqual([{ printed: '万升级', value: 10000, unit: '升', qualifier: 'magnitude' }]);
  });

  it('reads every qualifier word', () => {
    const cases: Array<[string, string, string]> = [
      ['会员超5万家', '超5万家', 'more-than'],
      ['会员超过5万家', '超过5万家', 'more-than'],
      ['会员5万余家', '5万余家', 'more-than'],
      ['会员5000多家', '5000多家', 'more-than'],
      ['会员30余万家', '30余万家', 'more-than'],
      ['会员5000家以上', '5000家以上', 'at-least'],
      ['会员近5000家', '近5000家', 'nearly'],
      ['会员约5000家', '约5000家', 'about'],
      ['会员5000家左右', '5000家左右', 'about'],
      ['能效值小于1.2', '小于1.2', 'less-than'],
      ['销售额突破80亿元', '突破80亿元', 'more-than'],
    ];
    for (const [s, printed, qualifier] of cases) expect([one(s).printed, one(s).qualifier], s).toEqual([printed, qualifier]);
  });

  it('reads ranks with their streaks and moves', () => {
    const a = findFigures('示范港连续九年位居榜首，较上年上升3位。');
    expect(a).toHaveLength(1);
    expect(a[0]).toMatchObject({ kind: 'rank', rank: 1, consecutive: 9, movement: 3, printed: '连续九年', alsoPrinted: ['榜首', '上升3位'] });
    expect(one('该市数量居全省第一。')).toMatchObject({ kind: 'rank', rank: 1, printed: '第一' });
    expect(one('该区排名跃升至全国第12。')).toMatchObject({ kind: 'rank', rank: 12 });
    expect(one('综合得分位列首位。')).toMatchObject({ kind: 'rank', rank: 1, printed: '首位' });
    expect(one('实现“五连冠”')).toMatchObject({ kind: 'rank', rank: 1, consecutive: 5 });
    expect(one('新平台下降2个名次，排在第八(较上年)')).toMatchObject({ rank: 8, movement: -2 });
  });

  it('backs the next figure with a streak that names no rank', () => {
    expect(one('产值连续四年增长超过15%')).toMatchObject({ printed: '超过15%', alsoPrinted: ['连续四年'] });
  });

  it('does not take years, dates, names and grades for figures', () => {
    for (const s of ['2023年以来', '3月20日上午', '建成5G基站', '“城市大脑3.0”', '二级节点', '一个清晰的信号', '连接几十万家企业', '揭榜首批项目', '第一次会议', '中国第一所学院', '万千工厂', '千行百业', '1+N+X模式']) {
      expect(findFigures(s), s).toEqual([]);
    }
  });
});

describe('the date a figure refers to', () => {
  const article = { published: '2024-03' };
  const at = (s: string, printed: string, prevEnd = 0) => dateOf(s, s.indexOf(printed), prevEnd, article, false);

  it('截至8月底 is the last day of the latest August before the article', () => {
    expect(at('截至8月底，全市登记企业320家。', '320家').asOf).toBe('2023-08-31');
    expect(dateOf('截至2月底，共有9家。', 9, 0, article, false).asOf).toBe('2024-02-29');
  });

  it('a printed year or month; 目前 and no date are the article’s month', () => {
    expect(at('2022年，全省产值增长8.1%。', '8.1%')).toMatchObject({ asOf: '2022' });
    expect(at('2023年6月，累计建成15个。', '15个')).toMatchObject({ asOf: '2023-06' });
    expect(at('目前，已建成15个。', '15个')).toMatchObject({ asOf: '2024-03', reason: { id: 'extract.date.current' } });
    expect(at('已建成15个。', '15个')).toMatchObject({ asOf: '2024-03', reason: { id: 'extract.date.article' } });
    expect(at('《白皮书（2021年）》显示，已建成15个。', '15个').asOf).toBe('2024-03');
  });

  it('ranges and changes: 从…到…, 由…提升至…, 从年初的…增加到…', () => {
    const s = '从2015年到2022年，规模从3万亿元增长到9.5万亿元。';
    expect(at(s, '3万亿元', 0).asOf).toBe('2015');
    expect(at(s, '9.5万亿元', s.indexOf('3万亿元') + 4).asOf).toBe('2022');
    const c = '员工从年初的800人增加到1200人。';
    expect(at(c, '800人').asOf).toBe('2024-01');
    expect(at(c, '1200人', c.indexOf('800人') + 4)).toMatchObject({ asOf: '2024-03', reason: { id: 'extract.date.change-end' } });
  });
});

describe('goals', () => {
  const article = { published: '2024-03' };
  const goal = (s: string, printed: string) => targetOf(s, s.indexOf(printed), article);

  it('到2027年, 力争, 目标, 将 (will) make a goal, with its due year', () => {
    expect(goal('到2027年，建成示范工厂50个。', '50个')).toMatchObject({ targetYear: 2027, due: '到2027年' });
    expect(goal('力争培育平台20个以上。', '20个以上')).toMatchObject({ targetYear: 2024 });
    expect(goal('目标是新增企业300家。', '300家')).toMatchObject({ targetYear: 2024 });
    expect(goal('下一步，该市将加快建设，新增基地6个。', '6个')).toBeDefined();
  });

  it('将 meaning 把, reported figures and past ranges are no goals', () => {
    expect(goal('企业将自主研发的设备用于10个车间。', '10个')).toBeUndefined();
    expect(goal('目前已建成基地6个。', '6个')).toBeUndefined();
    expect(goal('该市将加快建设。目前已建成基地6个。', '6个')).toBeUndefined();
  });

  it('每年 and 每季度 give a flow its period', () => {
    expect(periodOf('每年培训工人2000名', 6)).toBe('year');
    expect(periodOf('每季度发布场景30个', 7)).toBe('quarter');
    expect(periodOf('累计发布场景30个', 6)).toBeUndefined();
  });
});
