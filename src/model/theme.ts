/** Template theme: colours, fonts and sizes. Read from the template manifest. */
export interface ThemeFonts {
  /** East Asian font name written into OOXML (a:ea, w:eastAsia), e.g. "Microsoft YaHei". */
  eastAsia: string;
  /** Latin font name, e.g. "Arial". */
  latin: string;
  /** Heading East Asian font. */
  headingEastAsia: string;
  headingLatin: string;
}

export interface ReportFonts {
  body: string;
  title: string;
  heading1: string;
  heading2: string;
  heading3: string;
  pageNumber: string;
  latin: string;
}

export interface Theme {
  colors: {
    primary: string;
    accent: string;
    dark: string;
    tint: string;
    text: string;
    secondary: string;
    /** Chart series palette, in order. */
    series: string[];
  };
  fonts: ThemeFonts;
  report: ReportFonts;
  /** Font files used to render and measure text (charts, slide fitting), relative to the template or the package. */
  fontFiles: string[];
  sizes: {
    coverTitle: number;
    title: number;
    body: number;
    minBody: number;
    source: number;
  };
}
