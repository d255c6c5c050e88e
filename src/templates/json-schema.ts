/**
 * template.yaml and charts.yaml as JSON Schema, for editors (YAML language
 * server): schema/template.schema.json and schema/charts.schema.json are
 * these texts, exported by `npm run schema` and checked by a test.
 */
import * as z from 'zod';
import { chartFileSchema, manifestLayerSchema } from './schema.js';

type Json = Record<string, unknown>;

/** Hover text in the editor, by field: Chinese first (our users), then English. */
const MANIFEST_DOCS: Record<string, string> = {
  name: '模板名（小写字母、数字、连字符），与文件夹同名 / Template name, same as its folder',
  description: '一句话说明，gen-report list 中显示 / One line shown by gen-report list',
  extends: '继承的模板（templates/ 下的名字或相对路径）；未写的字段、分部模板和图表都从它继承 / Template this one extends',
  formats: '此模板可输出的格式：pptx、docx、md（继承模板可省略）/ Output formats (inherited when left out)',
  entry: '渲染整份文档的 Handlebars 文件（继承模板可省略）/ The Handlebars file that renders the document',
  default: '是否为所列格式的默认模板；不继承 / Default template for its formats; never inherited',
  reportPreset: 'Word 版式：report（汇报材料）或 gbt9704（党政机关公文格式）/ docx layout preset',
  currentMonths: '数据早于汇报月份多少个月以内仍可不注日期（0：仅当月）/ Months a figure stays current without its date',
  factCheckTable: '文字报告末尾附“数据核对表”（默认：report 版式附，gbt9704 不附）/ Append the check table of every figure to the report (default: on for report, off for gbt9704)',
  charts: '图表写法：native（可编辑图表）或 image（图片，默认）/ Native charts or pictures',
  meta: '封面信息：标题、副标题、发文单位、日期行 / Cover: title, subtitle, issuer, date line',
  title: '标题 / Title',
  subtitle: '副标题（写 "" 可去掉继承来的副标题）/ Subtitle ("" drops an inherited one)',
  issuer: '发文单位，印在封面、结束页和落款；不设则留空并提示（也可用 --issuer）/ Issuing office; blank with a warning until set',
  dateLine: '单位下方的日期：as-of（数据截至月份，默认）、today、none，或 2026-01-20 / Date line under the issuer',
  theme: '主题：颜色、字体、字号 / Colours, fonts and sizes',
  colors: '颜色，6 位十六进制，不带 # / Colours, 6 hex digits without #',
  primary: '主色：标题、图表第一个系列 / Main colour: titles, first chart series',
  accent: '强调色：图表第二个系列 / Accent: second chart series',
  dark: '深色：图表第三个系列 / Dark: third chart series',
  tint: '浅底色 / Light background tint',
  text: '正文颜色 / Body text colour',
  secondary: '次要文字、坐标轴；图表第四个系列 / Secondary text, axes; fourth chart series',
  series: '图表系列颜色（设置后不再跟随 primary 等颜色）/ Chart series palette (set: no longer follows the theme colours)',
  fonts: '幻灯片字体 / Slide fonts',
  report: 'Word 报告字体 / Report fonts',
  fontFiles: '用于图表和排版测量的字体文件 / Font files for charts and text measuring',
  sizes: '幻灯片字号（磅）/ Slide font sizes (pt)',
};

const CHART_DOCS: Record<string, string> = {
  kind: '图表类型：column 柱形、line 折线、combo 柱线组合、hbar 条形、doughnut 圆环、stacked 堆积柱形、rank 位次 / Chart kind',
  title: '图表标题 / Chart title',
  series: '时间序列：指标或排名的 id，每个一个系列（与 items 二选一）/ Indicator or ranking ids (or items)',
  names: '系列名称，与 series 顺序一致 / Dataset names, in the order of series',
  items: '单个数据点，如 cosmoplat-productivity-gain@2026-01（与 series 二选一）/ Single facts as categories (or series)',
  fact: '数据点 id：指标id@日期 / Fact id: series@date',
  label: '类目名称（默认：主体简称）/ Category label',
  whole: '圆环图：各部分所属的整体 / Doughnut: the whole the items are parts of',
  from: '只取此日期及以后的点，如 2021 / Only points on or after',
  to: '只取此日期及以前的点 / Only points on or before',
  output: '此图表的写法：native 或 image（优先于 --charts）/ native or image for this chart',
};

const HEX = '^[0-9A-Fa-f]{6}$';

/** Walk a JSON Schema: add descriptions by property name; let colours be YAML numbers (595959). */
function annotate(node: unknown, docs: Record<string, string>): unknown {
  if (Array.isArray(node)) return node.map((n) => annotate(n, docs));
  if (!node || typeof node !== 'object') return node;
  const o = node as Json;
  if (o.type === 'string' && o.pattern === HEX) {
    return { anyOf: [{ type: 'string', pattern: HEX }, { type: 'integer', minimum: 0, maximum: 999999 }] };
  }
  const out: Json = {};
  for (const [k, v] of Object.entries(o)) {
    if (k === 'properties' && v && typeof v === 'object') {
      out[k] = Object.fromEntries(
        Object.entries(v as Json).map(([name, sub]) => {
          const s = annotate(sub, docs) as Json;
          return [name, docs[name] && !s.description ? { description: docs[name], ...s } : s];
        }),
      );
    } else out[k] = annotate(v, docs);
  }
  return out;
}

export function templateJsonSchema(): Json {
  const schema = annotate(z.toJSONSchema(manifestLayerSchema, { io: 'input', target: 'draft-7' }), MANIFEST_DOCS) as Json;
  return {
    ...schema,
    title: 'gen-report template.yaml',
    description: '模板清单；各字段见 docs/templates.md / A template manifest; see docs/templates.md',
    // A template that extends nothing must say everything a build needs.
    if: { not: { required: ['extends'] } },
    then: { required: ['formats', 'entry', 'meta'], properties: { meta: { required: ['title'] } } },
  };
}

export function chartsJsonSchema(): Json {
  const schema = annotate(z.toJSONSchema(chartFileSchema, { io: 'input', target: 'draft-7' }), CHART_DOCS) as Json;
  const chart = schema.additionalProperties as Json;
  return {
    ...schema,
    title: 'gen-report charts.yaml',
    description: '图表定义，键为图表 id；继承时按 id 增加或覆盖 / Chart definitions by id; a variant adds or replaces by id',
    // Either series (a time axis) or items (single facts), never both.
    additionalProperties: { ...chart, oneOf: [{ required: ['series'] }, { required: ['items'] }] },
  };
}

const text = (schema: Json) => JSON.stringify(schema, null, 2) + '\n';

/** The exact texts of schema/template.schema.json and schema/charts.schema.json. */
export function templateJsonSchemaTexts(): Record<'template.schema.json' | 'charts.schema.json', string> {
  return { 'template.schema.json': text(templateJsonSchema()), 'charts.schema.json': text(chartsJsonSchema()) };
}
