import type { Theme } from './theme.js';

/** The government briefing look: Office dark red, gold accent, restrained greys. */
export const defaultTheme: Theme = {
  colors: {
    primary: 'C00000',
    accent: 'C9A227',
    dark: '7A0000',
    tint: 'FDF2F2',
    text: '1A1A1A',
    secondary: '595959',
    series: ['C00000', 'C9A227', '7A0000', '595959', 'E8B54D', 'A6A6A6'],
  },
  fonts: {
    eastAsia: 'Microsoft YaHei',
    latin: 'Arial',
    headingEastAsia: 'Microsoft YaHei',
    headingLatin: 'Arial',
  },
  report: {
    body: 'FangSong_GB2312',
    title: 'FZXiaoBiaoSong-B05S',
    heading1: 'SimHei',
    heading2: 'KaiTi_GB2312',
    heading3: 'FangSong_GB2312',
    pageNumber: 'SimSun',
    latin: 'Times New Roman',
  },
  fontFiles: [],
  sizes: {
    coverTitle: 40,
    title: 26,
    body: 20,
    minBody: 16,
    source: 11,
  },
};
