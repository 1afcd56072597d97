"""Compare Latin-script language detectors on the benchmark's blocks, behind outlint's guards.

For every text block of a Latin-script document (prose, list items, quotes; headings and code are
left out) the detector is asked which of ``detect.CANDIDATES`` it is in; a block is flagged when
the answer differs from the document's language with a probability of at least
``detect.MIN_CONFIDENCE``. Prints recall of foreign blocks per pair, false flags per 10,000 native
blocks, and the detector's speed (text bytes / CPU seconds, guards included).
"""

from __future__ import annotations

import argparse
import sys
import time
import unicodedata
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

import corpus

from outlint.language import detect

LATIN_HOSTS = ("en", "fr", "de", "es", "it")


def _py3langid() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(detect.CANDIDATES))
    return lambda text: ident.classify(text)


def _pycld2() -> Any:
    import pycld2

    def classify(text: str) -> tuple[str, float]:
        text = "".join(c for c in text if c >= " " and not 0x7F <= ord(c) <= 0x9F)
        try:
            _, _, details = pycld2.detect(text, bestEffort=True)
        except pycld2.error:
            return "un", 0.0
        for _name, code, percent, _score in details:
            if code in detect.CANDIDATES:
                return code, percent / 100
        return "un", 0.0

    return classify


BACKENDS = {"py3langid": _py3langid, "pycld2": _pycld2}


def judge(classify: Any, text: str) -> tuple[str, float] | None:
    words = detect.model_words(text)
    if detect.lowercase_words(words) < detect.MIN_WORDS:
        return None
    lang, conf = classify(unicodedata.normalize("NFC", " ".join(words)))
    return (lang, conf) if conf >= detect.MIN_CONFIDENCE else None


def units(split: str) -> list[tuple[str, str, str, str | None]]:
    """(group, host, text, foreign language or None) for the text blocks of Latin-script documents."""
    out = []
    for case in corpus.cases():
        if case.split != split or case.host not in LATIN_HOSTS or case.group.split()[0] in ("ja", "zh"):
            continue
        if case.name.startswith("shipped/"):
            from outlint.language import iter_paragraphs
            from outlint.linter import read_bytes

            doc = read_bytes(case.text.encode(), case.name + case.suffix)
            out += [(case.group, "en", p.text, None) for p in iter_paragraphs(doc)]
            continue
        labels = {e.line: e for e in case.expects}
        for kind, text, line in case.units:
            e = labels.get(line)
            if e is not None and e.what in ("sentence", "neutral"):
                continue  # a paragraph with one foreign sentence: not a test of whole blocks
            if kind in ("prose", "list", "quote"):
                out.append((case.group, case.host, text, e.lang if e else None))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("dev", "held-out"))
    parser.add_argument("--show-false", action="store_true", help="print the falsely flagged blocks")
    parser.add_argument("--show-missed", action="store_true", help="print the foreign blocks not flagged")
    parser.add_argument("--backend", choices=sorted(BACKENDS), help="only this detector")
    args = parser.parse_args()
    blocks = units(args.split)
    print(f"{args.split}: {len(blocks)} blocks")
    for name, make in BACKENDS.items():
        if args.backend and name != args.backend:
            continue
        t0 = time.process_time()
        classify = make()
        load = time.process_time() - t0
        hits: Counter[str] = Counter()
        totals: Counter[str] = Counter()
        false: Counter[str] = Counter()
        native: Counter[str] = Counter()
        size = 0
        spent = 0.0
        shown = []
        confidences: list[tuple[float, bool, bool]] = []
        for group, host, text, foreign in blocks:
            size += len(text.encode())
            t = time.process_time()
            guess = judge(classify, text)
            spent += time.process_time() - t
            flagged = guess is not None and guess[0] != host
            confidences.append((guess[1] if guess else 0.0, foreign is not None, flagged))
            if foreign:
                key = f"{foreign} in {host}"
                totals[key] += 1
                hits[key] += flagged
                if not flagged and args.show_missed:
                    shown.append(f"  MISSED {key}: {guess} {text[:110]!r}")
            else:
                kind = "english prose" if group == "english prose" else "translations"
                native[kind] += 1
                false[kind] += flagged
                if flagged and args.show_false:
                    shown.append(f"  {group}: {guess} {text[:110]!r}")
        recall = sum(hits.values()) / max(1, sum(totals.values()))
        print(f"\n{name}: load {load:.2f} s CPU, {size / 1e6 / spent:.2f} MB/s, overall recall {recall:.1%}")
        for key in sorted(totals):
            print(f"  {key:9} recall {hits[key] / totals[key]:6.1%} ({hits[key]}/{totals[key]})")
        for kind in sorted(native):
            print(
                f"  false flags, {kind}: {false[kind]} on {native[kind]} blocks = "
                f"{false[kind] / native[kind] * 1e4:.1f} per 10,000"
            )
        for cut in (0.7, 0.8, 0.9, 0.95, 0.99):
            tp = sum(1 for c, pos, f in confidences if f and pos and c >= cut)
            fp = sum(1 for c, pos, f in confidences if f and not pos and c >= cut)
            print(f"  at confidence >= {cut}: {tp} found, {fp} false")
        print("\n".join(shown[:150]))


if __name__ == "__main__":
    main()
