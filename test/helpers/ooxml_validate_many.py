#!/usr/bin/python3
"""Validate many .pptx/.docx files in one process with the reference validator.

The reference validator compiles each schema once per process; starting it per
file would repeat that. This wrapper imports it (from the folder given as the
first argument) and answers one JSON line per file:
  {"file": PATH, "parts": N, "errors": ["part:line: message", ...]}
Files come as further arguments, or, with --serve, one path per line on stdin
(a persistent validator for property tests)."""
import contextlib, io, json, sys


def validate(v, path):
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            v.main(path, 10**9)
    except Exception as e:  # a file that is not even a zip
        return {"file": path, "parts": 0, "errors": [f"{path}: cannot read: {e}"]}
    lines = out.getvalue().splitlines()
    summary = lines.pop() if lines and lines[-1].startswith("xsd: ") else "xsd: 0 parts"
    return {"file": path, "parts": int(summary.split()[1]), "errors": lines}


def main():
    sys.path.insert(0, sys.argv[1])
    import ooxml_validate as v
    args = sys.argv[2:]
    if args == ["--serve"]:
        print(json.dumps({"ready": True}), flush=True)
        for line in sys.stdin:
            path = line.rstrip("\n")
            if path:
                print(json.dumps(validate(v, path)), flush=True)
        return
    for path in args:
        print(json.dumps(validate(v, path)), flush=True)


if __name__ == "__main__":
    main()
