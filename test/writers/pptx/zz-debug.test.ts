import { it } from 'vitest';
import { planDeck } from '../../../src/writers/pptx/plan.js';
import { hostileDoc } from './hostile.test.js';
it('debug', () => {
  const { plan } = planDeck(hostileDoc(), new Map());
  for (const s of plan.slides) console.log(s.number, s.layout, s.shapes.map((x) => x.kind + ':' + x.name).join(','));
  console.log(plan.warnings.map((w) => w.code + ' ' + w.message.slice(0, 80)).join('\n'));
});
