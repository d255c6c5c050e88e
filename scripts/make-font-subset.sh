#!/usr/bin/env bash
# Rebuild assets/fonts/*.otf: Noto Sans CJK SC (SIL OFL 1.1) cut down to
# ASCII, Latin-1, general and CJK punctuation, full-width forms, every GB2312
# hanzi, and every character now used in data/ and templates/.
# Needs Debian's fonts-noto-cjk and fonttools (pyftsubset).
set -euo pipefail
cd "$(dirname "$0")/.."
src=/usr/share/fonts/opentype/noto
out=assets/fonts
chars=$(mktemp)
/usr/bin/python3 - "$chars" <<'PY'
import sys, pathlib
cs = set()
for hi in range(0xB0, 0xF8):
    for lo in range(0xA1, 0xFF):
        try: cs.add(bytes([hi, lo]).decode('gb2312'))
        except UnicodeDecodeError: pass
for hi in range(0xA1, 0xAA):
    for lo in range(0xA1, 0xFF):
        try: cs.add(bytes([hi, lo]).decode('gb2312'))
        except UnicodeDecodeError: pass
for root in ('data', 'templates'):
    for p in pathlib.Path(root).rglob('*'):
        if p.is_file() and p.suffix in ('.yaml', '.yml', '.hbs', '.md', '.json'):
            cs.update(p.read_text(encoding='utf-8'))
ranges = [(0x20, 0x7E), (0xA0, 0xFF), (0x2010, 0x206F), (0x2100, 0x215F), (0x2190, 0x21FF),
          (0x2460, 0x24FF), (0x25A0, 0x25FF), (0x3000, 0x303F), (0xFF00, 0xFFEF)]
for a, b in ranges:
    cs.update(chr(c) for c in range(a, b + 1))
cs = {c for c in cs if c.isprintable() or c in ' \u3000'}
pathlib.Path(sys.argv[1]).write_text(''.join(sorted(cs)), encoding='utf-8')
PY
for weight in Regular Bold; do
  /usr/bin/pyftsubset "$src/NotoSansCJK-$weight.ttc" --font-number=2 \
    --text-file="$chars" --layout-features='*' --name-IDs='*' --name-languages='*' \
    --output-file="$out/NotoSansSC-$weight.subset.otf"
done
rm -f "$chars"
ls -l "$out"
