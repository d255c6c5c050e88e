import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { sampleModel, chartImage } from './fixtures.js';
it('dump', () => {
  writeFileSync('/tmp/gr-dist/model-report.json', JSON.stringify(sampleModel('report')));
  writeFileSync('/tmp/gr-dist/model-gbt.json', JSON.stringify(sampleModel('gbt9704')));
  writeFileSync('/tmp/gr-dist/chart.png', chartImage().png);
});
