/**
 * The `yaml` library, loaded when first needed: a well-formed file is read by
 * the fast path (fast-yaml.ts), so a build without a YAML error never loads
 * it. `yaml` exports CommonJS to Node under both import and require, so this
 * is the same module a static import would give.
 */
import { createRequire } from 'node:module';

type YamlLib = typeof import('yaml');

let lib: YamlLib | undefined;

export function yamlLib(): YamlLib {
  return (lib ??= createRequire(import.meta.url)('yaml') as YamlLib);
}
