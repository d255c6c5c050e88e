/**
 * Word fields written by hand: docx's own SimpleField gives its cached run no
 * fonts, and its BuilderElement cannot hold the text of an instruction.
 */
import { BuilderElement, TextRun, XmlAttributeComponent, XmlComponent, type ParagraphChild } from 'docx';

class PreserveSpace extends XmlAttributeComponent<{ space: 'preserve' }> {
  protected readonly xmlKeys = { space: 'xml:space' };
}

class InstrText extends XmlComponent {
  constructor(code: string) {
    super('w:instrText');
    this.root.push(new PreserveSpace({ space: 'preserve' }));
    this.root.push(code);
  }
}

class InstrAttr extends XmlAttributeComponent<{ instr: string }> {
  protected readonly xmlKeys = { instr: 'w:instr' };
}

/** <w:fldSimple w:instr="…"> around already-formatted result runs. */
class FldSimple extends XmlComponent {
  constructor(instruction: string, result: readonly ParagraphChild[]) {
    super('w:fldSimple');
    this.root.push(new InstrAttr({ instr: instruction }));
    for (const r of result) this.root.push(r);
  }
}

export function fldChar(type: 'begin' | 'separate' | 'end'): TextRun {
  return new TextRun({ children: [new BuilderElement({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: type } } })] });
}

/** Field code; callers pass only codes they build themselves (never user text). */
export function instr(code: string): TextRun {
  return new TextRun({ children: [new InstrText(code)] });
}

export function simpleField(instruction: string, result: readonly ParagraphChild[]): ParagraphChild {
  return new FldSimple(instruction, result) as unknown as ParagraphChild;
}
