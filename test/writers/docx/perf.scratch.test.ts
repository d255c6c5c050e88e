import { it } from 'vitest';
import { Packer, Document } from 'docx';
import { writeDocx } from '../../../src/writers/docx/index.js';
import { sampleModel, sampleCharts, TIMESTAMP } from './fixtures.js';
it('perf', async () => {
  for (let i = 0; i < 3; i++) {
    const t = Date.now();
    await writeDocx(sampleModel('report'), sampleCharts(), { timestamp: TIMESTAMP });
    console.log('full', Date.now() - t);
  }
});
