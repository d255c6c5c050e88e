/** The md writer's YAML header strings (its Markdown escaping is src/util/markdown-text.ts, shared with the template stage). */

/** A YAML double-quoted scalar (JSON's string syntax is valid YAML). */
export function yamlString(text: string): string {
  return JSON.stringify(text.replace(/[\r\n]+/g, ' '));
}
