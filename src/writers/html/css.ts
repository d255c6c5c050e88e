/** The page's one stylesheet, inline: theme colours and font stacks as custom properties, then fixed rules. */
import type { DocumentModel } from '../../model/document.js';
import { cssColour } from './escape.js';
import { fontStack } from './fonts.js';

export function stylesheet(doc: DocumentModel): string {
  const c = doc.theme.colors;
  const f = doc.theme.fonts;
  const r = doc.theme.report;
  const official = doc.meta.reportPreset === 'gbt9704';
  const vars = [
    `--primary:${cssColour(c.primary)}`,
    `--accent:${cssColour(c.accent)}`,
    `--dark:${cssColour(c.dark)}`,
    `--tint:${cssColour(c.tint)}`,
    `--text:${cssColour(c.text)}`,
    `--secondary:${cssColour(c.secondary)}`,
    `--heading:${fontStack(f.headingEastAsia, f.headingLatin)}`,
    `--body:${fontStack(f.eastAsia, f.latin)}`,
    `--r-body:${fontStack(r.body, r.latin)}`,
    `--r-title:${fontStack(r.title, r.latin)}`,
    `--r-h1:${fontStack(r.heading1, r.latin)}`,
    `--r-h2:${fontStack(r.heading2, r.latin)}`,
    `--r-h3:${fontStack(r.heading3, r.latin)}`,
    `--r-size:${official ? 16 : 14}pt`,
    `--r-line:${official ? 28.95 : 27}pt`,
  ];
  return `:root{${vars.join(';')};--scale:1}\n${RULES}`;
}

const RULES = `
*{box-sizing:border-box}
html,body{margin:0;padding:0}
body{background:#e8e8eb;color:var(--text);font-family:var(--body)}
.toolbar{position:sticky;top:0;z-index:20;display:flex;flex-wrap:wrap;gap:6px 14px;align-items:center;min-height:40px;padding:6px 14px;background:#fff;border-bottom:1px solid #d6d6da;font:14px/1.4 var(--body)}
.toolbar .doc-title{font-weight:700;color:var(--primary);margin-right:auto}
.toolbar button,.toolbar a{font:inherit;color:var(--text);background:#f4f4f6;border:1px solid #c9c9cf;border-radius:4px;padding:2px 10px;cursor:pointer;text-decoration:none}
.toolbar button[aria-pressed=true]{background:var(--tint);border-color:var(--primary);color:var(--primary)}
.toolbar kbd{font:12px monospace;color:var(--secondary)}
.counter{color:var(--secondary);min-width:5em;text-align:center}
main{padding:16px 0 48px}
.slide{width:calc(1280px*var(--scale));margin:0 auto 24px;scroll-margin-top:56px}
.frame{position:relative;width:calc(1280px*var(--scale));height:calc(720px*var(--scale));overflow:hidden;background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.25)}
.canvas{position:absolute;left:0;top:0;transform-origin:0 0;transform:scale(var(--scale));overflow:hidden}
.sh{position:absolute;margin:0}
.sh.text{display:flex;flex-direction:column;overflow:visible}
.sh p{margin:0;position:relative;overflow-wrap:anywhere;white-space:pre-wrap}
.sh .bullet{position:absolute;top:0}
table.sh{border-collapse:collapse;table-layout:fixed}
table.sh td{overflow:hidden}
img.sh{display:block}
.missing{display:flex;align-items:center;justify-content:center;border:1pt dashed #999;color:var(--secondary)}
.notes,.facts{display:none;font:14px/1.6 var(--body);background:#fff;border-left:4px solid var(--accent);padding:8px 14px;margin-top:8px}
.facts{border-left-color:var(--primary)}
.notes h3,.facts h3{margin:0 0 4px;font-size:14px;color:var(--secondary)}
.notes p{margin:0 0 4px}
.none{color:var(--secondary)}
.show-notes .notes,.show-facts .facts{display:block}
.facts ol{margin:0;padding-left:1.6em}
.facts li{margin:2px 0;cursor:pointer}
.facts li .fp-meta{color:var(--secondary);margin-left:.6em}
.facts li code{margin-left:.6em;font-size:12px;color:#777}
.fig{cursor:help;border-radius:2px}
.notes .fig,.sheet .fig{text-decoration:underline dotted rgba(0,0,0,.4);text-underline-offset:3px}
.fig:hover,.fig:focus,.fig.lit{outline:2px solid var(--accent);outline-offset:1px;background:rgba(255,230,140,.45)}
#tip{position:fixed;z-index:50;max-width:380px;padding:8px 12px;background:#fff;color:#1a1a1a;border:1px solid #bbb;border-top:3px solid var(--primary);box-shadow:0 4px 14px rgba(0,0,0,.25);font:13px/1.55 var(--body);pointer-events:none}
#tip[hidden]{display:none}
.cite-card dl{display:grid;grid-template-columns:auto 1fr;gap:0 10px;margin:0}
.cite-card dt{color:#666}
.cite-card dd{margin:0;overflow-wrap:anywhere}
body.single .slide,body.single .page{display:none}
body.single .slide.current,body.single .page.current{display:block}
body.single.show-facts main{margin-right:360px}
body.single.show-facts .current .facts{position:fixed;right:0;top:52px;bottom:0;width:350px;overflow:auto;margin:0}
.page{width:210mm;margin:0 auto 24px;scroll-margin-top:56px}
.sheet{background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.25);min-height:297mm;padding:30mm 26mm 29mm 28mm;font-family:var(--r-body);font-size:var(--r-size);line-height:var(--r-line);color:#000}
.sheet p{margin:0;text-indent:2em;text-align:justify}
.sheet p.li.l1{padding-left:2em}
.sheet h1{font-family:var(--r-title);font-size:26pt;line-height:1.4;text-align:center;font-weight:400;margin:0 0 12pt}
.sheet h2.h1{font-family:var(--r-h1);font-size:16pt;font-weight:400;margin:12pt 0 0}
.sheet h3.h2{font-family:var(--r-h2);font-size:15pt;font-weight:700;margin:6pt 0 0}
.sheet h4.h3{font-family:var(--r-h3);font-size:14pt;font-weight:700;margin:0}
.cover .sheet{display:flex;flex-direction:column;align-items:center;padding-top:60mm}
.cover .subtitle{font-family:var(--r-h2);font-size:18pt;text-indent:0;text-align:center}
.cover-rule{width:40%;border-bottom:1.5pt solid var(--primary);margin:18pt 0 auto}
.cover .issuer,.cover .date{text-indent:0;text-align:center}
.title-block{margin-bottom:var(--r-line)}
.title-block .subtitle{text-align:center;text-indent:0;font-family:var(--r-h2)}
.signature{text-align:right!important;text-indent:0!important;margin-top:var(--r-line)!important;padding-right:4em}
.callout{background:var(--tint);border-left:4px solid var(--primary);padding:4pt 10pt;margin:6pt 0;font-family:var(--r-h2)}
.rtable{border-collapse:collapse;margin:8pt auto;font-size:10.5pt;line-height:1.5;border-top:1.5pt solid #000;border-bottom:1.5pt solid #000}
.rtable caption{font-family:var(--r-h1);font-size:12pt;padding-bottom:4pt}
.rtable th,.rtable td{padding:3pt 8pt}
.rtable thead th{border-bottom:.75pt solid #000;font-weight:700}
.rchart{margin:8pt 0;text-align:center}
.rchart img{max-width:100%;height:auto}
.rchart figcaption{font-size:12pt;line-height:1.5;font-family:var(--r-h1)}
.rchart .source-note{display:block;font-size:9pt;color:#444;font-family:var(--r-body)}
.rchart .takeaway{text-indent:0;font-weight:700;text-align:left}
.annex-entry{text-indent:0!important;font-size:12pt;line-height:1.7}
#gr-error{position:fixed;inset:0;z-index:100;background:rgba(20,20,20,.72);display:flex;align-items:flex-start;justify-content:center;padding-top:10vh}
#gr-error[hidden]{display:none}
#gr-error .box{max-width:900px;width:90%;background:#fff;border-top:6px solid #c00000;padding:16px 20px;font:14px/1.6 var(--body);box-shadow:0 6px 24px rgba(0,0,0,.4)}
#gr-error h2{margin:0 0 8px;font-size:17px;color:#c00000}
#gr-error pre{white-space:pre-wrap;overflow-wrap:anywhere;font:13px/1.6 ui-monospace,Consolas,"Noto Sans Mono CJK SC",monospace;margin:0;max-height:60vh;overflow:auto}
@media print{.toolbar,.notes,.facts,#tip{display:none!important}body{background:#fff}.slide,.page{margin:0;break-after:page}.frame,.sheet{box-shadow:none}}
`;
