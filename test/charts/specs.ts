/** One realistic spec per chart kind, shared by the chart tests. */
import type { ChartSpec } from '../../src/model/chart.js';

const years = ['2020年', '2021年', '2022年', '2023年', '2024年', '2025年'];

export const column: ChartSpec = {
  id: 'g5-stations',
  kind: 'column',
  title: '青岛5G基站累计开通数',
  labels: ['2020年', '2024年', '2025年'],
  datasets: [{ label: '5G基站', data: [1.2, 3.78, 4.6], dataLabels: ['1.2万', '3.78万', '4.6万'], unit: '万个' }],
  axisTitles: { left: '万个' },
  sourceNote: '数据来源：青岛市通信管理局；截至2025年12月',
  footnotes: ['注：2020年数据口径为已开通基站，与其他年份不可直接比较。'],
  alt: '',
};

export const line: ChartSpec = {
  id: 'industry-scale',
  kind: 'line',
  title: '工业互联网产业规模',
  labels: years,
  datasets: [
    { label: '产业规模', data: [1200, 1560, null, 2400, 2850, 3300], dataLabels: ['1200', '1560', null, '2400', '2850', '3300'], unit: '亿元' },
    { label: '带动增加值', data: [600, 800, 1050, 1250, 1500, 1700], dataLabels: ['600', '800', '1050', '1250', '1500', '1700'], unit: '亿元' },
  ],
  axisTitles: { left: '亿元' },
  sourceNote: '数据来源：青岛市工业和信息化局',
  alt: '',
};

export const combo: ChartSpec = {
  id: 'digital-economy',
  kind: 'combo',
  title: '数字经济核心产业增加值及占GDP比重',
  labels: ['2021年', '2022年', '2023年', '2024年'],
  datasets: [
    { label: '增加值', data: [1.18, 1.32, 1.45, 1.62], dataLabels: ['1.18万', '1.32万', '1.45万', '1.62万'], unit: '万亿元', axis: 'left', draw: 'bar' },
    { label: '占GDP比重', data: [8.2, 8.9, 9.3, 9.8], dataLabels: ['8.2%', '8.9%', '9.3%', '9.8%'], unit: '%', axis: 'right', draw: 'line' },
  ],
  axisTitles: { left: '万亿元', right: '%' },
  sourceNote: '数据来源：青岛市统计局',
  alt: '',
};

export const hbar: ChartSpec = {
  id: 'platform-rank',
  kind: 'hbar',
  title: '2024年双跨平台评价排名',
  labels: ['卡奥斯COSMOPlat', '根云', '柠檬豆'],
  datasets: [{ label: '排名', data: [1, 3, 9], dataLabels: ['第1位', '第3位', '第9位'], unit: '位次' }],
  axisTitles: { left: '位次' },
  sourceNote: '数据来源：工业和信息化部',
  alt: '',
  reverseValueAxis: true,
};

export const doughnut: ChartSpec = {
  id: 'sector-share',
  kind: 'doughnut',
  title: '平台服务企业行业分布',
  labels: ['家电', '机械装备', '纺织服装', '其他'],
  datasets: [{ label: '占比', data: [32, 24, 14, 30], dataLabels: ['32%', '24%', '14%', '30%'], unit: '%' }],
  sourceNote: '数据来源：青岛市工业和信息化局',
  alt: '',
};

export const stacked: ChartSpec = {
  id: 'pilot-projects',
  kind: 'stacked',
  title: '工业互联网试点示范项目数',
  labels: ['2022年', '2023年', '2024年'],
  datasets: [
    { label: '国家级', data: [8, 11, 14], dataLabels: ['8', '11', '14'], unit: '个' },
    { label: '省级', data: [24, 31, 36], dataLabels: ['24', '31', '36'], unit: '个' },
  ],
  axisTitles: { left: '个' },
  sourceNote: '数据来源：青岛市工业和信息化局',
  alt: '',
};

export const allKinds: ChartSpec[] = [column, line, combo, hbar, doughnut, stacked];
