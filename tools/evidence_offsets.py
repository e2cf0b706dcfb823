"""Turn a hand-written evidence annotation (substrings) into offset-only gold lines.

The evidence gold (``quality/evidence/*.jsonl``, guidelines in
``docs/evidence-guidelines.md``) stores character offsets only, never article text. Typing
offsets by hand is error-prone, so an annotator writes each statement with the exact
substrings of the article and this tool finds them, checks every slice and prints (or
appends) the JSON lines. Keep the annotation files themselves OUT of the repository: they
quote the article.

File format (one file per article; ``#`` starts a comment line)::

    doc gnad:17
    split dev                      # or heldout (used by --append)
    s a                            # a statement with a local label
    c: first content span || second span
    sp: speaker mention
    cue: sagte || mit              # several spans are joined with ||
    ch: outlet=Der Standard; person=die Ministerin     # kind=mention; kind= for no mention
    hs: soll                       # hearsay spans;   hd: hedge spans
    st: distancing                 # stance; "st: distancing = wolle" sets the evidence
    cf: denied = wies zurück       # confirmation = evidence spans
    rel: disputes b = wies den Bericht zurück     # kind, target label or implicit:..., evidence
    note: short English remark (never quote the article)
    s b
    c: ...
    ch: ^a                         # the same chain as statement a (continued speech)

A span is an exact substring; whitespace runs match any whitespace (PolNeAR has
non-breaking spaces) and a word must not be cut. When it occurs more than once, either
write ``text@k`` (the k-th whole-word occurrence in the document) or mark the wanted part
inside a longer unique context: ``sagte [[Huber]] am Montag``. Content must be unique;
other spans default to the occurrence nearest the statement's content (a warning names any
close call). Ids follow the guidelines: statements ordered by where their content starts.

    .venv/bin/python tools/evidence_offsets.py FILE.ann ...            # print lines
    .venv/bin/python tools/evidence_offsets.py --show FILE.ann ...     # print a check view
    .venv/bin/python tools/evidence_offsets.py --append FILE.ann ...   # add to the gold
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from sayso.eval.data import REPO_ROOT
from sayso.eval.evidence import document_texts

KINDS = {"person", "organization", "outlet", "anonymous", "document", "unknown"}
STANCES = {"neutral", "endorsing", "distancing"}
CONFIRMATIONS = {"unknown", "confirmed", "unconfirmed", "denied"}
RELATIONS = {"disputes", "confirms", "contradicts", "nested_in"}
NEAR_WARN = 400  # characters: a second occurrence this close to the content is reported
FAR_WARN = 250  # characters: a speaker/cue/marker this far from the content is reported


class AnnotationError(Exception):
    pass


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    """Whole-word matches of ``needle``, any whitespace run matching any whitespace."""
    pattern = r"[\s\u00a0]+".join(re.escape(p) for p in needle.split())
    out = []
    for m in re.finditer(f"(?=({pattern}))", text):
        i, j = m.start(), m.start() + len(m.group(1))
        if needle[0].isalnum() and i > 0 and text[i - 1].isalnum():
            continue
        if needle[-1].isalnum() and j < len(text) and text[j].isalnum():
            continue
        out.append((i, j))
    return out


def find(text: str, spec: str, near: int | None, where: str) -> list[int]:
    spec = spec.strip()
    k = None
    m = re.match(r"^(.*)@(\d+)$", spec, re.S)
    if m:
        spec, k = m.group(1).strip(), int(m.group(2))
    if "[[" in spec:
        pre, rest = spec.split("[[", 1)
        mid, post = rest.split("]]", 1)
        outer = find(text, pre + mid + post + (f"@{k}" if k else ""), near, where)
        inner = occurrences(text[outer[0] : outer[1]], mid.strip())
        offset = len(" ".join(pre.split())) + (1 if pre.endswith(" ") and pre.strip() else 0)
        a, b = min(inner, key=lambda x: abs(x[0] - offset))
        return [outer[0] + a, outer[0] + b]
    found = occurrences(text, spec)
    if not found:
        raise AnnotationError(f"{where}: not found: {spec!r}")
    if k is not None:
        if k > len(found):
            raise AnnotationError(f"{where}: only {len(found)} occurrences of {spec!r}")
        return list(found[k - 1])
    if len(found) == 1:
        return list(found[0])
    if near is None:
        raise AnnotationError(f"{where}: {len(found)} occurrences of {spec!r}; add @k")
    ranked = sorted(found, key=lambda x: abs(x[0] - near))
    if abs(ranked[1][0] - near) < NEAR_WARN:
        print(f"WARN {where}: {spec!r} chosen at {ranked[0][0]} of {found}", file=sys.stderr)
    return list(ranked[0])


def spans(text: str, value: str, near: int | None, where: str) -> list[list[int]]:
    value = value.strip()
    return [find(text, part, near, where) for part in value.split("||")] if value else []


def parse(path: Path) -> tuple[str, str, list[dict[str, Any]]]:
    doc, split, statements = "", "dev", []
    current: dict[str, Any] | None = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("doc "):
            doc = line[4:].strip()
        elif line.startswith("split "):
            split = line[6:].strip()
        elif line.startswith("s "):
            current = {"label": line[2:].strip(), "fields": {}, "rel": []}
            statements.append(current)
        elif current is not None:
            key, _, value = line.partition(":")
            if key.strip() == "rel":
                current["rel"].append(value)
            elif key.strip() in current["fields"]:
                raise AnnotationError(f"{path} {current['label']}: {key} given twice")
            else:
                current["fields"][key.strip()] = value
    return doc, split, statements


def _chain(text: str, value: str, near: int, where: str) -> list[dict[str, Any]] | str:
    value = value.strip()
    if value.startswith("^"):
        return value[1:].strip()
    chain = []
    for hop in filter(None, (h.strip() for h in value.split(";"))):
        kind, _, mention = hop.partition("=")
        if kind.strip() not in KINDS:
            raise AnnotationError(f"{where}: unknown chain kind {kind!r}")
        span = find(text, mention, near, where) if mention.strip() else None
        chain.append({"kind": kind.strip(), "span": span})
    return chain


def _statement(text: str, st: dict[str, Any], where: str) -> dict[str, Any]:
    f = st["fields"]
    content = spans(text, f["c"], None, where + " content")
    near = content[0][0]
    out: dict[str, Any] = {"content": content}
    for key, name in (("sp", "speaker"), ("cue", "cue"), ("hs", "hearsay"), ("hd", "hedged")):
        out[name] = spans(text, f.get(key, ""), near, f"{where} {name}")
        for a, _ in out[name]:
            if not content[0][0] - FAR_WARN <= a <= content[-1][1] + FAR_WARN:
                print(f"WARN {where}: {name} at {a} is far from the content", file=sys.stderr)
    out["chain"] = _chain(text, f.get("ch", ""), near, where + " chain")
    stance, _, evidence = f.get("st", "neutral").partition("=")
    if stance.strip() not in STANCES:
        raise AnnotationError(f"{where}: unknown stance {stance!r}")
    out["stance"] = stance.strip()
    out["stance_evidence"] = spans(text, evidence, near, where) if evidence else out["cue"]
    conf, _, evidence = f.get("cf", "unknown").partition("=")
    if conf.strip() not in CONFIRMATIONS:
        raise AnnotationError(f"{where}: unknown confirmation {conf!r}")
    out["confirmation"] = conf.strip()
    out["confirmation_evidence"] = spans(text, evidence, near, where)
    if out["confirmation"] != "unknown" and not out["confirmation_evidence"]:
        raise AnnotationError(f"{where}: a confirmation needs evidence")
    out["rels"] = []
    for rel in st["rel"]:
        head, _, evidence = rel.partition("=")
        kind, target = head.split(None, 1)
        if kind not in RELATIONS:
            raise AnnotationError(f"{where}: unknown relation {kind!r}")
        out["rels"].append((kind, target.strip(), spans(text, evidence, near, where)))
    out["note"] = f.get("note", "").strip()
    return out


def compile_file(path: Path, data_root: Path) -> tuple[str, str, list[dict[str, Any]]]:
    """The gold lines of one annotation file, in id order."""
    doc, split, statements = parse(path)
    text = document_texts(data_root, [doc])[doc]
    done = {st["label"]: _statement(text, st, f"{doc} {st['label']}") for st in statements}
    for label, st in done.items():  # resolve "^label" chains
        chain, seen = st["chain"], {label}
        while isinstance(chain, str):
            if chain in seen:
                raise AnnotationError(f"{doc} {label}: circular chain reference")
            seen.add(chain)
            chain = done[chain]["chain"]
        if not chain:
            raise AnnotationError(f"{doc} {label}: empty chain")
        st["chain"] = chain
    order = sorted(done, key=lambda x: (done[x]["content"][0][0], -done[x]["content"][0][1]))
    ids = {label: f"{doc}#{n}" for n, label in enumerate(order, 1)}
    lines = []
    for label in order:
        st = done[label]
        relations = [
            {"kind": k, "target": t if t.startswith("implicit:") else ids[t], "evidence": ev}
            for k, t, ev in st.pop("rels")
        ]
        lines.append({"id": ids[label], "doc": doc, **{k: st[k] for k in KEYS}})
        lines[-1]["relations"] = relations
        lines[-1]["note"] = st["note"]
    _check_consistency(lines)
    return doc, split, lines


KEYS = ("content", "speaker", "cue", "chain", "hearsay", "hedged", "stance")
KEYS += ("stance_evidence", "confirmation", "confirmation_evidence")


def _check_consistency(lines: list[dict[str, Any]]) -> None:
    by_id = {line["id"]: line for line in lines}
    want = {"disputes": "denied", "confirms": "confirmed"}
    for line in lines:
        for r in line["relations"]:
            target = by_id.get(r["target"])
            expected = want.get(r["kind"])
            if target is not None and expected and target["confirmation"] != expected:
                print(f"WARN {line['id']} {r['kind']} {target['id']}", file=sys.stderr)


def show(lines: list[dict[str, Any]], text: str) -> None:
    def ctx(ss: list[list[int]]) -> str:
        return " | ".join(
            f"{text[max(0, a - 12) : a]}<{text[a:b]}>{text[b : b + 12]}" for a, b in ss
        )

    for line in lines:
        chain = [
            (h["kind"], text[h["span"][0] : h["span"][1]] if h["span"] else None)
            for h in line["chain"]
        ]
        print(line["id"], "content:", " … ".join(text[a:b] for a, b in line["content"])[:90])
        print("   speaker:", ctx(line["speaker"]), " cue:", ctx(line["cue"]), " chain:", chain)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--data", type=Path, default=REPO_ROOT.parent / "shared" / "data")
    ap.add_argument("--show", action="store_true", help="print a view to check the spans")
    ap.add_argument("--append", action="store_true", help="append to quality/evidence/")
    args = ap.parse_args(argv)
    for path in args.files:
        try:
            doc, split, lines = compile_file(path, args.data)
        except AnnotationError as exc:
            print(f"ERROR {path}: {exc}", file=sys.stderr)
            return 1
        if args.show:
            show(lines, document_texts(args.data, [doc])[doc])
        elif args.append:
            name = "heldout.jsonl" if split == "heldout" else "gold.jsonl"
            gold = REPO_ROOT / "quality" / "evidence" / name
            if any(json.loads(x)["doc"] == doc for x in gold.read_text().splitlines()):
                print(f"ERROR {doc} is already in {name}", file=sys.stderr)
                return 1
            with gold.open("a", encoding="utf-8") as fh:
                fh.writelines(json.dumps(line) + "\n" for line in lines)
        else:
            sys.stdout.writelines(json.dumps(line) + "\n" for line in lines)
    return 0


if __name__ == "__main__":
    sys.exit(main())
