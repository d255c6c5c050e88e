import { languageFromEnv, parseLang, type Lang } from '../i18n/index.js';

/**
 * `--lang X` (or `--lang=X`) wins, then the locale environment, then Chinese.
 * Read before yargs parses, so its help and messages come in that language too.
 */
export function chooseLanguage(argv: string[], env: Record<string, string | undefined>): Lang {
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const m = /^--lang(?:=(.*))?$/.exec(argv[i]);
    if (m) return parseLang(m[1] ?? argv[i + 1]) ?? languageFromEnv(env);
  }
  return languageFromEnv(env);
}
