// `node --import ./trace-loads.mjs …`: records every module the program imports
// (ESM and require) and prints the list as one JSON line on stderr at exit.
import Module, { register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const loaded = new Set();
const { port1, port2 } = new MessageChannel();
port1.on('message', (url) => loaded.add(url));
port1.unref();
register('./trace-loads-hooks.mjs', import.meta.url, { data: { port: port2 }, transferList: [port2] });
const originalLoad = Module._load;
Module._load = function (request, parent, isMain) {
  loaded.add(request);
  return originalLoad.call(this, request, parent, isMain);
};
process.on('exit', () => process.stderr.write(`\nLOADED ${JSON.stringify([...loaded])}\n`));
