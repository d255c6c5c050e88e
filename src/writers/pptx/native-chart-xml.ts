/**
 * Fixes to the chart XML pptxgenjs writes, each for a schema rule it breaks
 * or something it cannot say:
 * - children in schema order (pptxgenjs puts varyColors before grouping,
 *   dLbls before marker/dPt, a third axId in 2-D bar charts, lblAlgn in a
 *   date axis), elements a part's type does not have dropped;
 * - one dLbl per point with the number format that prints the point's label
 *   exactly as the text does (超1.2万个, 800余家, 第23位（上升6位）);
 * - no empty cached points (a missing value is a gap, not 0);
 * - square corners, gaps for blanks.
 * Fonts and lang go through the same fixRunProperties as slide text.
 * All functions are pure string → string.
 */
import type { ChartSpec } from '../../model/chart.js';
import { fixRunProperties, type DeckFonts } from './postprocess.js';
import { labelFormatCode, seriesOrder } from './native-chart-data.js';

/** Top-level child elements of an XML fragment, with their local names. */
function children(xml: string): Array<{ name: string; xml: string }> {
  const out: Array<{ name: string; xml: string }> = [];
  const tag = /<(\/?)([\w:]+)[^>]*?(\/?)>/g;
  let depth = 0;
  let start = -1;
  let name = '';
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const [whole, close, qname, selfClose] = m;
    if (!close && depth === 0) {
      start = m.index;
      name = qname.replace(/^\w+:/, '');
    }
    if (close) depth--;
    else if (!selfClose) depth++;
    if (depth === 0 && start >= 0) {
      out.push({ name, xml: xml.slice(start, m.index + whole.length) });
      start = -1;
    }
  }
  return out;
}

/** Rewrite every <c:TAG>…</c:TAG> with its children kept in `order` (others dropped), at most `max[name]` of each. */
function reorder(xml: string, tagName: string, order: string[], max: Record<string, number> = {}): string {
  const re = new RegExp(`<c:${tagName}>([\\s\\S]*?)</c:${tagName}>`, 'g');
  return xml.replace(re, (_m, inner: string) => {
    const kids = children(inner).filter((k) => order.includes(k.name));
    kids.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
    const seen = new Map<string, number>();
    const kept = kids.filter((k) => {
      const n = (seen.get(k.name) ?? 0) + 1;
      seen.set(k.name, n);
      return n <= (max[k.name] ?? Infinity);
    });
    return `<c:${tagName}>${kept.map((k) => k.xml).join('')}</c:${tagName}>`;
  });
}

const DLBL_GROUP = ['numFmt', 'spPr', 'txPr', 'dLblPos', 'showLegendKey', 'showVal', 'showCatName', 'showSerName', 'showPercent', 'showBubbleSize', 'separator', 'showLeaderLines', 'leaderLines'];
const ORDER = {
  barChart: ['barDir', 'grouping', 'varyColors', 'ser', 'dLbls', 'gapWidth', 'overlap', 'serLines', 'axId', 'extLst'],
  lineChart: ['grouping', 'varyColors', 'ser', 'dLbls', 'dropLines', 'hiLowLines', 'upDownBars', 'marker', 'smooth', 'axId', 'extLst'],
  doughnutChart: ['varyColors', 'ser', 'dLbls', 'firstSliceAng', 'holeSize', 'extLst'],
  barSer: ['idx', 'order', 'tx', 'spPr', 'invertIfNegative', 'pictureOptions', 'dPt', 'dLbls', 'trendline', 'errBars', 'cat', 'val', 'shape', 'extLst'],
  lineSer: ['idx', 'order', 'tx', 'spPr', 'marker', 'dPt', 'dLbls', 'trendline', 'errBars', 'cat', 'val', 'smooth', 'extLst'],
  pieSer: ['idx', 'order', 'tx', 'spPr', 'explosion', 'dPt', 'dLbls', 'cat', 'val', 'extLst'],
  dLbls: ['dLbl', 'delete', ...DLBL_GROUP, 'extLst'],
  dateAx: ['axId', 'scaling', 'delete', 'axPos', 'majorGridlines', 'minorGridlines', 'title', 'numFmt', 'majorTickMark', 'minorTickMark', 'tickLblPos', 'spPr', 'txPr', 'crossAx', 'crosses', 'crossesAt', 'auto', 'lblOffset', 'baseTimeUnit', 'majorUnit', 'majorTimeUnit', 'minorUnit', 'minorTimeUnit', 'extLst'],
};

/** Series elements of one chart type get that type's order (a line series has no invertIfNegative). */
function reorderSeries(xml: string, chartTag: 'barChart' | 'lineChart' | 'doughnutChart', order: string[]): string {
  const re = new RegExp(`<c:${chartTag}>[\\s\\S]*?</c:${chartTag}>`, 'g');
  return xml.replace(re, (block) => reorder(block, 'ser', order));
}

/** One dLbl per point: its label's number format, or deleted where the point has no value. */
function pointLabels(ser: string, labels: Array<string | null>, values: Array<number | null>): string {
  return ser.replace(/<c:dLbls>([\s\S]*?)<\/c:dLbls>/, (_m, inner: string) => {
    const group = children(inner).filter((k) => DLBL_GROUP.includes(k.name) && k.name !== 'numFmt' && k.name !== 'showLeaderLines' && k.name !== 'leaderLines');
    const rest = group.map((k) => k.xml).join('');
    const points = labels
      .map((label, j) => {
        const v = values[j];
        if (v == null || label == null) return `<c:dLbl><c:idx val="${j}"/><c:delete val="1"/></c:dLbl>`;
        const code = labelFormatCode(label, v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
        return `<c:dLbl><c:idx val="${j}"/><c:numFmt formatCode="${code}" sourceLinked="0"/>${rest}</c:dLbl>`;
      })
      .join('');
    return `<c:dLbls>${points}${inner}</c:dLbls>`;
  });
}

export function fixChartXml(xml: string, spec: ChartSpec, fonts: DeckFonts): string {
  let x = xml.replace(/>\s+</g, '><');
  x = x.replace('<c:roundedCorners val="1"/>', '<c:roundedCorners val="0"/>').replace('<c:dispBlanksAs val="span"/>', '<c:dispBlanksAs val="gap"/>');
  // A missing value is left out of the cache, not cached as an empty string.
  x = x.replace(/<c:pt idx="\d+"><c:v><\/c:v><\/c:pt>/g, '');
  // Per-point labels, series by series in the order emit wrote them.
  const order = seriesOrder(spec);
  let n = 0;
  x = x.replace(/<c:ser>[\s\S]*?<\/c:ser>/g, (ser) => {
    const d = spec.datasets[order[n++]];
    return d ? pointLabels(ser, d.dataLabels, d.data) : ser;
  });
  // Units read horizontally, above the value axis (as in the picture), not rotated beside it.
  let axis = 0;
  x = x.replace(/<c:valAx>[\s\S]*?<\/c:valAx>/g, (ax) => {
    const right = axis++ > 0;
    return ax.replace(/<c:title>([\s\S]*?)<\/c:title>/, (t) =>
      t
        .replace(/<a:bodyPr\/>|<a:bodyPr\b[^>]*\/>/, '<a:bodyPr rot="0" vert="horz"/>')
        .replace('<c:layout/>', `<c:layout><c:manualLayout><c:xMode val="edge"/><c:yMode val="edge"/><c:x val="${right ? 0.88 : 0.01}"/><c:y val="0.1"/></c:manualLayout></c:layout>`),
    );
  });
  if (spec.kind === 'doughnut') x = x.replace(/<c:dLblPos val="[^"]*"\/>/g, '');
  // A line chart must say how its series group; pptxgenjs leaves it out.
  x = x.replace(/<c:lineChart>([\s\S]*?)<\/c:lineChart>/g, (m, inner: string) => (inner.includes('<c:grouping') ? m : `<c:lineChart><c:grouping val="standard"/>${inner}</c:lineChart>`));
  x = reorderSeries(x, 'barChart', ORDER.barSer);
  x = reorderSeries(x, 'lineChart', ORDER.lineSer);
  x = reorderSeries(x, 'doughnutChart', ORDER.pieSer);
  x = reorder(x, 'barChart', ORDER.barChart, { axId: 2 });
  x = reorder(x, 'lineChart', ORDER.lineChart, { axId: 2 });
  x = reorder(x, 'doughnutChart', ORDER.doughnutChart);
  x = reorder(x, 'dLbls', ORDER.dLbls);
  x = reorder(x, 'dateAx', ORDER.dateAx);
  return fixRunProperties(x, fonts);
}
