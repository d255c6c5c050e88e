/**
 * CSS font stacks from the theme's font names: the Windows font first (what
 * PowerPoint and Word use), then what macOS and Linux have for the same
 * style, so Chinese never falls back to a font without CJK glyphs.
 */
import { cssString } from './escape.js';

const SANS = ['Microsoft YaHei', '微软雅黑', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei'];
const HEI = ['SimHei', '黑体', ...SANS];
const SONG = ['SimSun', '宋体', 'NSimSun', 'Songti SC', 'STSong', 'Noto Serif CJK SC', 'Noto Serif SC', 'Source Han Serif SC', 'Noto Sans CJK SC'];
const FANG = ['FangSong_GB2312', 'FangSong', '仿宋', '仿宋_GB2312', 'STFangsong', 'Noto Serif CJK SC', 'Noto Serif SC', 'Noto Sans CJK SC'];
const KAI = ['KaiTi_GB2312', 'KaiTi', '楷体', '楷体_GB2312', 'STKaiti', 'Noto Serif CJK SC', 'Noto Serif SC', 'Noto Sans CJK SC'];
const LATIN_EQUIVALENTS: Record<string, string[]> = {
  arial: ['Arial', 'Liberation Sans', 'Helvetica'],
  'times new roman': ['Times New Roman', 'Liberation Serif', 'Times'],
  calibri: ['Calibri', 'Carlito'],
};

/** The CJK family a font name belongs to, by its name (English or Chinese). */
function cjkFallbacks(name: string): { list: string[]; generic: 'sans-serif' | 'serif' } {
  const n = name.toLowerCase();
  if (/fang|仿宋/.test(n)) return { list: FANG, generic: 'serif' };
  if (/kai|楷/.test(n)) return { list: KAI, generic: 'serif' };
  if (/song|sun|宋|biaosong|小标宋|serif|ming/.test(n)) return { list: SONG, generic: 'serif' };
  if (/hei|黑/.test(n) && !/yahei|雅黑/.test(n)) return { list: HEI, generic: 'sans-serif' };
  return { list: SANS, generic: 'sans-serif' };
}

/** `font-family` value: Latin face first (so digits look as in Office), then the East Asian face and its stand-ins. */
export function fontStack(eastAsia: string, latin?: string): string {
  const { list, generic } = cjkFallbacks(eastAsia);
  const latinList = latin ? (LATIN_EQUIVALENTS[latin.toLowerCase()] ?? [latin]) : [];
  const names = [...new Set([...latinList, eastAsia, ...list].filter((s) => s.trim()))];
  return `${names.map(cssString).join(', ')}, ${generic}`;
}
