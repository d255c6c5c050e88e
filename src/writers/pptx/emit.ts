/**
 * The only code that calls pptxgenjs: plan → raw package. Fonts are written
 * as marker names that postprocess replaces with the theme's Latin and East
 * Asian fonts (pptxgenjs writes one face for latin/ea/cs and does not escape
 * it), and notes are rewritten there as real paragraphs.
 */
import pptxgenModule from 'pptxgenjs';
import type { DeckPlan, PlannedParagraph, Shape, TextShape } from './plan-types.js';
import type { MasterDef } from './masters.js';
import { FONT_MARKER } from './postprocess.js';
import { addNativeChart } from './emit-chart.js';
import { imageStandIn } from './package.js';
import { capturePackage } from './capture.js';
import type JSZip from 'jszip';


// pptxgenjs ships CommonJS-style typings for an ES module: at run time the default import is the class itself.
type PptxGenJS = InstanceType<typeof pptxgenModule.default>;
type Ctor = typeof pptxgenModule.default;
const PptxGenJS = ((pptxgenModule as unknown as { default?: Ctor }).default ?? pptxgenModule) as unknown as Ctor;
type TextRun = pptxgenModule.default.TextProps;
type TextOptions = pptxgenModule.default.TextPropsOptions;
type Slide = pptxgenModule.default.Slide;
type Border = pptxgenModule.default.BorderProps;
type SlideMasterObject = NonNullable<pptxgenModule.default.SlideMasterProps['objects']>[number];

/** A bullet that draws nothing: a continued paragraph keeps its list indent (pptxgenjs zeroes marL without a bullet). */
const BLANK_BULLET = '00A0';

function hex4(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0x25a0;
  return cp <= 0xffff ? cp.toString(16).toUpperCase().padStart(4, '0') : '25A0';
}

/** Planned paragraphs as pptxgenjs runs: a paragraph ends with breakLine, pPr options ride on its first run. */
export function toRuns(paras: PlannedParagraph[]): TextRun[] {
  const out: TextRun[] = [];
  paras.forEach((p, pi) => {
    const runs = p.runs.length ? p.runs : [{ text: '', sizePt: 12, color: '000000', font: 'body' as const }];
    runs.forEach((r, ri) => {
      const opts: TextOptions = {
        fontSize: r.sizePt,
        color: r.color,
        bold: r.bold,
        italic: r.italic,
        fontFace: FONT_MARKER[r.font],
        lang: 'zh-CN',
        align: p.align,
        lineSpacing: p.lineSpacingPt,
      };
      if (ri === 0) {
        if (p.spaceBeforePt > 0) opts.paraSpaceBefore = p.spaceBeforePt;
        const step = p.indentPt / (p.level + 1);
        if (p.bullet?.kind === 'char') opts.bullet = { characterCode: hex4(p.bullet.char), indent: step };
        else if (p.bullet?.kind === 'number') opts.bullet = { type: 'number', numberStartAt: p.bullet.startAt, indent: step };
        else if (p.indentPt > 0) opts.bullet = { characterCode: BLANK_BULLET, indent: step };
        if (p.level > 0) opts.indentLevel = p.level;
      }
      if (ri === runs.length - 1 && pi < paras.length - 1) opts.breakLine = true;
      out.push({ text: r.text, options: opts });
    });
  });
  return out;
}

function textOptions(s: TextShape): TextOptions {
  return {
    x: s.box.x,
    y: s.box.y,
    w: s.box.w,
    h: s.box.h,
    margin: 0,
    valign: s.valign,
    wrap: true,
    objectName: s.name,
    fill: s.fill ? { color: s.fill } : undefined,
  };
}

function addShape(pptx: PptxGenJS, slide: Slide, s: Shape, images: Buffer[]): void {
  switch (s.kind) {
    case 'rect':
      slide.addShape(s.geometry === 'ellipse' ? pptx.ShapeType.ellipse : pptx.ShapeType.rect, {
        x: s.box.x,
        y: s.box.y,
        w: s.box.w,
        h: s.box.h,
        fill: s.fill ? { color: s.fill } : { type: 'none' },
        line: s.line ? { color: s.line.color, width: s.line.widthPt, dashType: s.line.dash ?? 'solid' } : { type: 'none' },
        objectName: s.name,
      });
      break;
    case 'text':
      slide.addText(toRuns(s.paragraphs), textOptions(s));
      break;
    case 'image':
      images.push(s.png);
      slide.addImage({ data: `image/png;base64,${imageStandIn(images.length - 1).toString('base64')}`, x: s.box.x, y: s.box.y, w: s.box.w, h: s.box.h, altText: s.alt, objectName: s.name });
      break;
    case 'chart':
      addNativeChart(pptx, slide, s);
      break;
    case 'table': {
      const none = { type: 'none' as const };
      const rows = s.rows.map((r) =>
        r.map((cell) => ({
          // pptxgenjs takes runs in cells at run time; its typings only allow strings.
          text: toRuns(cell.paragraphs) as unknown as pptxgenModule.default.TableCell[],
          options: {
            fill: cell.fill ? { color: cell.fill } : undefined,
            valign: cell.valign,
            align: cell.paragraphs[0]?.align,
            margin: [s.marginY, s.marginX, s.marginY, s.marginX] as [number, number, number, number],
            border: [none, none, { type: 'solid' as const, pt: 0.75, color: s.ruleColor }, none] as [Border, Border, Border, Border],
          },
        })),
      );
      slide.addTable(rows, { x: s.box.x, y: s.box.y, w: s.box.w, colW: s.colW, rowH: s.rowH, autoPage: false, objectName: s.name });
      break;
    }
  }
}

function masterObject(s: Shape): SlideMasterObject[] {
  if (s.kind === 'rect') return [{ rect: { x: s.box.x, y: s.box.y, w: s.box.w, h: s.box.h, fill: { color: s.fill ?? 'FFFFFF' }, line: { type: 'none' } } }];
  if (s.kind === 'text') {
    // Master text objects take one string; the first run's style applies to it.
    const [first] = toRuns(s.paragraphs.slice(0, 1));
    const text = s.paragraphs[0]?.runs.map((r) => r.text).join('') ?? '';
    return [{ text: { text, options: { ...first?.options, ...textOptions(s) } } }];
  }
  return [];
}

function defineMaster(pptx: PptxGenJS, m: MasterDef): void {
  const back = m.shapes.filter((s) => s.layer === 'back');
  const front = m.shapes.filter((s) => s.layer !== 'back');
  pptx.defineSlideMaster({
    title: m.displayName,
    background: { color: m.background },
    objects: [
      ...back.flatMap(masterObject),
      ...front.flatMap(masterObject),
      { placeholder: { options: { name: 'title', type: 'title', x: m.titleBox.x, y: m.titleBox.y, w: m.titleBox.w, h: m.titleBox.h, margin: 0 }, text: '' } },
    ],
    slideNumber: m.pageNumber
      ? { ...m.pageNumber.box, fontSize: m.pageNumber.sizePt, color: m.pageNumber.color, bold: true, align: 'right', valign: 'middle', fontFace: FONT_MARKER.heading }
      : undefined,
  });
}

/**
 * Build the raw package with pptxgenjs; postprocess makes it final. Pictures
 * go in as small stand-ins (see imageStandIn) and come back as `images`.
 */
export async function emit(plan: DeckPlan, masters: MasterDef[]): Promise<{ raw: JSZip | Buffer; images: Buffer[] }> {
  const images: Buffer[] = [];
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  for (const m of masters) defineMaster(pptx, m);
  const byLayout = new Map(masters.map((m) => [m.name, m.displayName]));
  for (const sp of plan.slides) {
    const slide = pptx.addSlide({ masterName: byLayout.get(sp.layout) });
    const shapes = [...sp.shapes.filter((s) => s.layer === 'back'), ...sp.shapes.filter((s) => s.layer !== 'back')];
    for (const s of shapes) addShape(pptx, slide, s, images);
    if (sp.title) slide.addText(toRuns(sp.title.paragraphs), { ...textOptions(sp.title), placeholder: 'title' });
    // Placeholder text; postprocess writes the real notes paragraphs.
    slide.addNotes(sp.notes.length ? ' ' : '');
  }
  const raw = await capturePackage(() => pptx.write({ outputType: 'nodebuffer', compression: false }));
  return { raw, images };
}
