import { test } from 'vitest';
import { loadFactBase } from '../../src/facts/load.js';
test('s', () => {
  for (const d of ['2025-13', '2025-02-30', 'true', '2023', '"2023"']) {
    try {
      loadFactBase([{ path: 'a.yaml', text: `sources:\n  - id: s\n    publisher: p\n    title: t\n    published: ${d}\n    file: f\n` }]);
      console.log(d, 'ok');
    } catch (e) { console.log(d, (e as Error).message); }
  }
});
