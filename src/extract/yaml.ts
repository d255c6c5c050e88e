/**
 * YAML stubs of the proposals, shaped like the data files (docs/data.md) so a
 * reviewer can paste them: points for existing series under `points:` /
 * `rankPoints:` keyed by series id, and candidates for new indicators,
 * rankings and targets under the data's own top-level keys. Each stub is
 * commented with the sentence it came from; figures the data already holds
 * are only listed. Pure: the caller passes the renderer of messages.
 */
import { Document, isMap, isSeq, type YAMLMap } from 'yaml';
import { msg, type Message } from '../i18n/index.js';
import type { Extraction, Proposal } from './index.js';

type Render = (m: Message) => string;

function point(p: Proposal, source: string): Record<string, unknown> {
  const also = [...p.alsoPrinted, ...(p.target?.due && !p.alsoPrinted.includes(p.target.due) ? [p.target.due] : [])];
  const common = { asOf: p.asOf, printed: p.printed, ...(also.length ? { alsoPrinted: also } : {}), source, para: p.para };
  if (p.kind === 'rank' && p.rank) {
    const r = p.rank;
    return { evaluationYear: r.evaluationYear, rank: r.rank, ...(r.consecutive ? { consecutive: r.consecutive } : {}), ...(r.movement ? { movement: r.movement } : {}), ...common };
  }
  const { asOf, ...rest } = common;
  return { asOf, value: p.value, ...(p.qualifier !== 'exact' ? { qualifier: p.qualifier } : {}), ...rest };
}

function sentenceComment(p: Proposal, render: Render): string {
  const subject = p.newSeries && !p.newSeries.named ? `\n ${render(msg('extract.yaml.subject-guessed', { subject: p.newSeries.subject }))}` : '';
  return ` ${render(msg('extract.yaml.from', { para: p.para, sentence: p.sentence }))}${subject}`;
}

export function yamlStubs(x: Extraction, render: Render): string {
  const points: Record<string, unknown[]> = {};
  const rankPoints: Record<string, unknown[]> = {};
  const indicators: unknown[] = [];
  const rankings: unknown[] = [];
  const targets: unknown[] = [];
  const comments = new Map<unknown, string>();
  const keyComments = new Map<string, string>();
  const todo = render(msg('extract.yaml.name-todo'));
  for (const p of x.proposals) {
    if (p.known) continue;
    const pt = point(p, x.source);
    comments.set(pt, sentenceComment(p, render));
    const best = p.series[0];
    if (p.target) {
      const t = { id: p.newSeries?.id ?? unique(`target-${p.target.targetYear}`, x.taken), name: todo, subject: p.newSeries?.subject ?? 'qingdao', unit: p.unit, ...pt, targetYear: p.target.targetYear, ...(p.per ? { per: p.per } : {}), tags: [] };
      comments.set(t, `${sentenceComment(p, render)}\n ${render(msg('extract.yaml.target-why', { reason: p.target.reason, near: best ? `${best.id} (${best.confidence})` : '-' }))}`);
      targets.push(t);
    } else if (!p.newSeries && best) {
      const into = p.kind === 'rank' ? rankPoints : points;
      (into[best.id] ??= []).push(pt);
      keyComments.set(best.id, ` ${best.name} · ${render(msg('extract.yaml.confidence', { confidence: best.confidence }))}`);
    } else if (p.kind === 'rank') {
      const r = { id: p.newSeries!.id, list: todo, subject: p.newSeries!.subject, tags: [], points: [pt] };
      comments.set(r, sentenceComment(p, render));
      comments.delete(pt);
      rankings.push(r);
    } else {
      const ratio = p.unit === '%' || p.unit === '个百分点';
      if (best) comments.set(pt, ` ${render(msg('extract.yaml.nearest', { near: `${best.id} (${best.confidence})` }))}`);
      const s = { id: p.newSeries!.id, name: todo, subject: p.newSeries!.subject, unit: p.unit, ...(p.noun ? { noun: p.noun } : {}), ...(p.per ? { measure: 'flow', per: p.per } : ratio ? { measure: 'ratio' } : {}), tags: [], points: [pt] };
      comments.set(s, sentenceComment(p, render));
      if (!best) comments.delete(pt);
      indicators.push(s);
    }
  }
  const body: Record<string, unknown> = {};
  if (Object.keys(points).length) body.points = points;
  if (Object.keys(rankPoints).length) body.rankPoints = rankPoints;
  if (indicators.length) body.indicators = indicators;
  if (rankings.length) body.rankings = rankings;
  if (targets.length) body.targets = targets;
  const doc = new Document(body);
  const section: Record<string, string> = {
    points: render(msg('extract.yaml.points')),
    rankPoints: render(msg('extract.yaml.rank-points')),
    indicators: render(msg('extract.yaml.indicators')),
    rankings: render(msg('extract.yaml.rankings')),
    targets: render(msg('extract.yaml.targets')),
  };
  // Attach comments: sections, series keys, then each stub (found by identity of the source object).
  const root = doc.contents as YAMLMap;
  for (const pair of root.items) {
    const key = String((pair.key as { value: unknown }).value);
    (pair.key as { commentBefore?: string }).commentBefore = ` ${section[key]}`;
    const value = pair.value;
    const plain = body[key];
    if (isMap(value)) {
      for (const inner of value.items) {
        const id = String((inner.key as { value: unknown }).value);
        (inner.key as { commentBefore?: string }).commentBefore = keyComments.get(id);
        commentItems(inner.value, (plain as Record<string, unknown[]>)[id], comments);
      }
    } else commentItems(value, plain as unknown[], comments);
  }
  const known = x.proposals.filter((p) => p.known);
  const head = [
    render(msg('extract.yaml.head', { source: x.source, count: x.proposals.length, known: known.length })),
    ...(known.length ? [render(msg('extract.yaml.known-list')), ...known.map((p) => `  ${p.para}: ${p.printed} → ${p.known!.ids.join(', ')}`)] : []),
  ];
  doc.commentBefore = head.map((l) => ` ${l}`).join('\n');
  return doc.toString({ lineWidth: 0 });
}

function unique(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

function commentItems(node: unknown, plain: unknown[] | undefined, comments: Map<unknown, string>): void {
  if (!isSeq(node) || !plain) return;
  node.items.forEach((item, i) => {
    const c = comments.get(plain[i]);
    if (c && isMap(item)) item.commentBefore = c;
    const pts = (plain[i] as { points?: unknown[] }).points;
    if (isMap(item) && pts) {
      const inner = item.get('points', true);
      commentItems(inner, pts, comments);
    }
  });
}
