#!/usr/bin/env python3
"""Generate labelled garbled-token cases from the clean texts in ./clean/.

Usage:
    python3 eval/garbled/generate.py --seed 7 --out eval/garbled/cases.json

Each case is one paragraph taken from a clean text with one to three
corruptions of a single kind injected.  The output is a JSON list of
objects {"id", "kind", "text", "expected"}, where expected is a list of
{"start", "end", "token"} with token == text[start:end] (Python str
indices, end exclusive).  Standard library only; fully deterministic for a
given seed and set of clean texts.
"""

import argparse
import json
import os
import random
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

KINDS = [
    "run_together",
    "split_word",
    "apostrophe",
    "spacing",
    "repeated_word",
    "letter_error",
    "ocr_confusion",
    "stray_symbol",
    "miscapitalised",
]

APOS = "\u2019"  # right single quotation mark, used as the apostrophe

# ---------------------------------------------------------------------------
# Word lists (kept in wordlists.json next to this script)
# ---------------------------------------------------------------------------

WORDLISTS_PATH = os.path.join(HERE, "wordlists.json")


def load_wordlists(path=WORDLISTS_PATH):
    """Return {list name: set of words} read from the JSON word-list file."""
    with open(path, encoding="utf-8") as f:
        return {name: set(words) for name, words in json.load(f).items()}


_WORDLISTS = load_wordlists()

# Common English words.  Used (a) as the pool of targets for letter_error and
# (b) together with every word of the clean texts as the "real word" list a
# corruption must never produce.
COMMON_WORDS = _WORDLISTS["COMMON_WORDS"]

# Real words that single-letter or OCR edits of common words easily produce.
PITFALL_WORDS = _WORDLISTS["PITFALL_WORDS"]

# Closed compounds and other real words that joining two words can produce.
COMPOUND_WORDS = _WORDLISTS["COMPOUND_WORDS"]

# Run-together joins are only made where a closed compound is unlikely: the
# first word must not be a common compound-forming element and the second
# word must not be a common compound tail (articles are always allowed).
RISKY_FIRST = _WORDLISTS["RISKY_FIRST"]
RISKY_SECOND = _WORDLISTS["RISKY_SECOND"]

# Lowercase words that are also frequent proper nouns or title words; never
# "miscapitalise" these, since the capitalised form can be correct.
HOMOGRAPHS = _WORDLISTS["HOMOGRAPHS"]

# Words that are legitimately repeated ("that that", "had had").
OK_REPEATS = {"that", "had", "is", "do", "very", "far", "many", "more", "again", "bye", "no"}

# Title words: capitalised mid-sentence but not personal/place names.
TITLE_WORDS = {"Dr", "Mr", "Mrs", "Ms", "President", "Minister", "Prime", "The", "A", "An"}

# Loanword parts and name particles that should not be corrupted as if they
# were ordinary English words.
PROTECTED_LOWER = _WORDLISTS["PROTECTED_LOWER"]

STRAY_SYMBOLS = ["|", "\u00a6", "\u00a7", "\u00ac", "\u00a4", "\u00b6", "\u2022", "^"]

# Pronouns and similar heads whose "X's" is a contraction, not a possessive.
CONTRACTION_HEADS = _WORDLISTS["CONTRACTION_HEADS"]

LEAD_PUNCT = '\u201c\u2018"(['
TRAIL_PUNCT = '.,;:!?\u201d")]'

SENT_END_RE = re.compile(r"[.!?][\u201d\")\]]*$")
WORD_RE = re.compile(r"[^\W\d_]+")
LOWER_RE = re.compile(r"[a-z]+")
ANYWORD_RE = re.compile(r"[^\W\d_]+")
HYPHEN_RE = re.compile(r"[a-z0-9]+(?:-[a-z]+)+")
NUMBER_RE = re.compile(r"[$\u20ac\u00a3]?\d[\d,.]*[A-Za-z\u00b0%]*")
POSS_RE = re.compile(r"([^\W\d_][^\W\d_\-]*(?:-[^\W\d_]+)*)\u2019s")


# ---------------------------------------------------------------------------
# Corpus loading and tokenisation
# ---------------------------------------------------------------------------


class Chunk:
    """A whitespace-delimited chunk with its core (punctuation stripped)."""

    __slots__ = ("cend", "core", "cstart", "end", "initial", "lead", "start", "text", "trail")

    def __init__(self, m, initial):
        self.start, self.end, self.text = m.start(), m.end(), m.group()
        t = self.text
        i = 0
        while i < len(t) and t[i] in LEAD_PUNCT:
            i += 1
        j = len(t)
        while j > i and t[j - 1] in TRAIL_PUNCT:
            j -= 1
        self.lead, self.trail = t[:i], t[j:]
        self.core = t[i:j]
        self.cstart, self.cend = self.start + i, self.start + j
        self.initial = initial  # sentence-initial (or start of a quotation)


def chunk_paragraph(par):
    chunks = []
    prev = None
    for m in re.finditer(r"\S+", par):
        initial = prev is None or bool(SENT_END_RE.search(prev.text)) or prev.text.endswith(":")
        c = Chunk(m, initial)
        if c.lead:
            c.initial = True
        chunks.append(c)
        prev = c
    return chunks


def load_corpus(clean_dir):
    docs = []
    for name in sorted(os.listdir(clean_dir)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(clean_dir, name), encoding="utf-8") as f:
            raw = f.read()
        pars = [p.strip() for p in re.split(r"\n\s*\n", raw) if p.strip()]
        docs.append((name[:-4], pars))
    return docs


class Lexicon:
    def __init__(self, docs):
        self.vocab = set()  # every word of the corpus, lowercased
        self.lower_seen = set()  # words seen written in lowercase
        self.cap_mid = set()  # capitalised words seen in non-initial position
        self.surface = set()  # every exact surface word form
        for _, pars in docs:
            for par in pars:
                for w in ANYWORD_RE.findall(par):
                    self.vocab.add(w.lower())
                    self.surface.add(w)
                    if w.islower():
                        self.lower_seen.add(w)
                for c in chunk_paragraph(par):
                    if c.initial:
                        continue
                    for w in ANYWORD_RE.findall(c.core):
                        if w[0].isupper():
                            self.cap_mid.add(w)
        self.real = self.vocab | COMMON_WORDS | PITFALL_WORDS

    def is_real(self, token):
        """Heuristic: is token (or an inflection of a known word) a real word?"""
        w = token.lower()
        if w in self.real:
            return True
        for suf in ("s", "es", "ed", "d", "ing", "er", "ers", "ly", "est"):
            if w.endswith(suf) and len(w) - len(suf) >= 3 and w[: -len(suf)] in self.real:
                return True
        return w.endswith("ies") and w[:-3] + "y" in self.real


# ---------------------------------------------------------------------------
# Site finders: each returns a list of candidate edits for a paragraph.
# An edit is a dict with:
#   lo, hi   : chunk index range touched (inclusive), used to avoid overlaps
#   ostart, oend : character range in the original paragraph to replace
#   options  : list of (replacement, span_start, span_end) alternatives, with
#              the span given relative to the start of the replacement
# ---------------------------------------------------------------------------


def is_plain_lower(c):
    return bool(LOWER_RE.fullmatch(c.core)) and c.core not in PROTECTED_LOWER


def sites_run_together(chunks, lex):
    out = []
    for i in range(len(chunks) - 1):
        a, b = chunks[i], chunks[i + 1]
        if a.trail or b.lead:
            continue
        if not WORD_RE.fullmatch(a.core) or not WORD_RE.fullmatch(b.core):
            continue
        if a.core in PROTECTED_LOWER or b.core in PROTECTED_LOWER:
            continue
        joined = a.core + b.core
        if lex.is_real(joined) or joined.lower() in COMPOUND_WORDS:
            continue
        if not (a.core[0].isupper() and not a.initial):  # first word is not a name
            al, bl = a.core.lower(), b.core.lower()
            if bl not in ("a", "an", "the") and (al in RISKY_FIRST or bl in RISKY_SECOND):
                continue
        out.append(dict(lo=i, hi=i + 1, ostart=a.cstart, oend=b.cend, options=[(joined, 0, len(joined))]))
    return out


def sites_split_word(chunks, lex):
    out = []
    for i, c in enumerate(chunks):
        if not is_plain_lower(c) or len(c.core) < 6:
            continue
        w = c.core
        opts = []
        for k in range(2, len(w) - 1):
            left, right = w[:k], w[k:]
            if lex.is_real(left) and lex.is_real(right):
                continue
            rep = left + " " + right
            opts.append((rep, 0, len(rep)))
        if opts:
            out.append(dict(lo=i, hi=i, ostart=c.cstart, oend=c.cend, options=opts))
    return out


def apostrophe_ok(head, lex):
    """May "X's" be corrupted to "Xs" / "Xs'"?  Only if "Xs" is not a word.

    Proper names have no ordinary plural, so "Kazakhstans" is accepted even
    though "Kazakhstan" is known; for a lowercase noun, "Xs" is rejected when
    it is a known word or the regular plural of X ("governments").
    """
    dropped = (head + "s").lower()
    if dropped in lex.real:
        return False
    return not (head.islower() and not re.search(r"(?:[^aeiou]y|s|x|z|ch|sh)$", head))


def sites_apostrophe(chunks, lex):
    out = []
    for i, c in enumerate(chunks):
        m = POSS_RE.fullmatch(c.core)
        if not m:
            continue
        head = m.group(1)
        if head.lower() in CONTRACTION_HEADS:
            continue
        dropped = head + "s"
        if not apostrophe_ok(head, lex):
            continue
        opts = [(dropped, 0, len(dropped)), (dropped + APOS, 0, len(dropped) + 1)]
        out.append(dict(lo=i, hi=i, ostart=c.cstart, oend=c.cend, options=opts))
    return out


def sites_spacing(chunks, lex):
    out = []
    for i, c in enumerate(chunks):
        if not HYPHEN_RE.fullmatch(c.core):
            continue
        w = c.core
        opts = []
        for k, ch in enumerate(w):
            if ch != "-":
                continue
            for rep_h in (" -", "- ", " - "):
                rep = w[:k] + rep_h + w[k + 1 :]
                opts.append((rep, 0, len(rep)))
        out.append(dict(lo=i, hi=i, ostart=c.cstart, oend=c.cend, options=opts))
    return out


def sites_repeated_word(chunks, lex):
    out = []
    n = len(chunks)
    for i in range(n):
        for length in (1, 2, 3):
            j = i + length - 1
            if j >= n:
                break
            seg = chunks[i : j + 1]
            if not all(is_plain_lower(c) and c.core == c.text for c in seg):
                break
            if length == 1 and seg[0].core in OK_REPEATS:
                continue
            phrase = " ".join(c.core for c in seg)
            ostart, oend = seg[0].start, seg[-1].end
            rep = phrase + " " + phrase
            out.append(dict(lo=i, hi=j, ostart=ostart, oend=oend, options=[(rep, len(phrase) + 1, len(rep))]))
    return out


def letter_variants(w):
    vs = []
    for k in range(1, len(w)):  # drop a letter (never the first)
        vs.append(w[:k] + w[k + 1 :])
    for k in range(1, len(w)):  # double a letter
        vs.append(w[:k] + w[k] + w[k:])
    for k in range(1, len(w) - 1):  # swap two adjacent letters
        if w[k] != w[k + 1]:
            vs.append(w[:k] + w[k + 1] + w[k] + w[k + 2 :])
    seen, uniq = set(), []
    for v in vs:
        if v != w and v not in seen:
            seen.add(v)
            uniq.append(v)
    return uniq


def sites_letter_error(chunks, lex):
    out = []
    for i, c in enumerate(chunks):
        if not is_plain_lower(c) or len(c.core) < 5 or c.core not in COMMON_WORDS:
            continue
        opts = [(v, 0, len(v)) for v in letter_variants(c.core) if len(v) >= 5 and not lex.is_real(v)]
        if opts:
            out.append(dict(lo=i, hi=i, ostart=c.cstart, oend=c.cend, options=opts))
    return out


def ocr_variants_word(w):
    vs = []
    for m in re.finditer("rn", w):
        vs.append(w[: m.start()] + "m" + w[m.end() :])
    for m in re.finditer("m", w):
        vs.append(w[: m.start()] + "rn" + w[m.end() :])
    for m in re.finditer("cl", w):
        vs.append(w[: m.start()] + "d" + w[m.end() :])
    for m in re.finditer("l", w):
        vs.append(w[: m.start()] + "1" + w[m.end() :])
    return vs


def ocr_variants_number(w):
    vs = []
    for k, ch in enumerate(w):
        if ch == "0":
            vs.append(w[:k] + "o" + w[k + 1 :])
            vs.append(w[:k] + "O" + w[k + 1 :])
        elif ch == "1":
            vs.append(w[:k] + "l" + w[k + 1 :])
            vs.append(w[:k] + "I" + w[k + 1 :])
    return vs


def sites_ocr_confusion(chunks, lex):
    out = []
    for i, c in enumerate(chunks):
        if is_plain_lower(c) and len(c.core) >= 3:
            vs = [v for v in ocr_variants_word(c.core) if not lex.is_real(v)]
        elif NUMBER_RE.fullmatch(c.core) and sum(ch.isdigit() for ch in c.core) >= 2:
            vs = ocr_variants_number(c.core)
        else:
            continue
        vs = [v for v in dict.fromkeys(vs) if v != c.core]
        if vs:
            out.append(dict(lo=i, hi=i, ostart=c.cstart, oend=c.cend, options=[(v, 0, len(v)) for v in vs]))
    return out


def sites_stray_symbol(chunks, lex):
    out = []
    for i, c in enumerate(chunks):
        # stand-alone junk token after chunk i
        if i < len(chunks) - 1:
            out.append(dict(lo=i, hi=i + 1, ostart=c.end, oend=c.end, options=[(" " + s, 1, 2) for s in STRAY_SYMBOLS]))
        # junk glued to a lowercase word
        if is_plain_lower(c):
            w = c.core
            opts = [(s + w, 0, len(w) + 1) for s in STRAY_SYMBOLS]
            opts += [(w + s, 0, len(w) + 1) for s in STRAY_SYMBOLS]
            out.append(dict(lo=i, hi=i, ostart=c.cstart, oend=c.cend, options=opts))
    return out


def sites_miscapitalised(chunks, lex):
    out = []
    n = len(chunks)

    def capitalised_neighbour(k):
        return 0 <= k < n and not chunks[k].initial and chunks[k].core[:1].isupper()

    for i, c in enumerate(chunks):
        if c.initial or c.lead:
            continue
        if i > 0 and chunks[i - 1].text.endswith(":"):
            continue
        w = c.core
        if is_plain_lower(c) and len(w) >= 3 and w not in HOMOGRAPHS:
            cap = w[0].upper() + w[1:]
            if cap in lex.cap_mid or capitalised_neighbour(i - 1) or capitalised_neighbour(i + 1):
                continue
            if i + 1 < n and chunks[i + 1].core[:1].isupper():
                continue
            out.append(dict(lo=i, hi=i, ostart=c.cstart, oend=c.cend, options=[(cap, 0, len(cap))]))
        elif (
            WORD_RE.fullmatch(w)
            and len(w) >= 3
            and w[0].isupper()
            and not w.isupper()
            and w not in TITLE_WORDS
            and w.lower() not in lex.lower_seen
            and w in lex.cap_mid
            and w.upper() not in lex.surface
        ):
            up = w.upper()
            out.append(dict(lo=i, hi=i, ostart=c.cstart, oend=c.cend, options=[(up, 0, len(up))]))
    return out


FINDERS = {
    "run_together": sites_run_together,
    "split_word": sites_split_word,
    "apostrophe": sites_apostrophe,
    "spacing": sites_spacing,
    "repeated_word": sites_repeated_word,
    "letter_error": sites_letter_error,
    "ocr_confusion": sites_ocr_confusion,
    "stray_symbol": sites_stray_symbol,
    "miscapitalised": sites_miscapitalised,
}


# ---------------------------------------------------------------------------
# Case construction
# ---------------------------------------------------------------------------


def eligible_paragraph(par):
    words = len(par.split())
    sentences = len(re.findall(r"[.!?][\u201d\")]*(?:\s|$)", par))
    return words >= 25 and sentences >= 2


def choose_sites(rng, sites, k):
    """Pick up to k sites whose chunk ranges are separated by >= 1 chunk."""
    order = list(range(len(sites)))
    rng.shuffle(order)
    chosen = []
    for idx in order:
        s = sites[idx]
        if all(s["hi"] + 1 < t["lo"] or t["hi"] + 1 < s["lo"] for t in chosen):
            chosen.append(s)
            if len(chosen) == k:
                break
    return sorted(chosen, key=lambda s: s["ostart"])


def apply_edits(par, edits):
    """edits: list of (ostart, oend, replacement, rel_start, rel_end), sorted."""
    pieces, expected, pos, new_len = [], [], 0, 0
    for ostart, oend, rep, rs, re_ in edits:
        pieces.append(par[pos:ostart])
        new_len += ostart - pos
        start = new_len + rs
        end = new_len + re_
        pieces.append(rep)
        new_len += len(rep)
        pos = oend
        expected.append((start, end))
    pieces.append(par[pos:])
    text = "".join(pieces)
    return text, [{"start": s, "end": e, "token": text[s:e]} for s, e in expected]


def generate(docs, lex, seed, per_kind):
    rng = random.Random(seed)
    pool = []
    for stem, pars in docs:
        for pi, par in enumerate(pars):
            if eligible_paragraph(par):
                pool.append((stem, pi, par, chunk_paragraph(par)))

    cases = []
    seen_texts = set()
    for kind in KINDS:
        finder = FINDERS[kind]
        candidates = []
        for stem, pi, par, chunks in pool:
            sites = finder(chunks, lex)
            if sites:
                candidates.append((stem, pi, par, sites))
        if not candidates:
            raise SystemExit(f"no candidate sites for kind {kind}")
        made, attempts = 0, 0
        while made < per_kind:
            attempts += 1
            if attempts > per_kind * 200:
                raise SystemExit(f"could not build {per_kind} distinct cases for {kind}")
            stem, pi, par, sites = candidates[rng.randrange(len(candidates))]
            k = rng.choices([1, 2, 3], weights=[6, 3, 1])[0]
            chosen = choose_sites(rng, sites, k)
            edits = []
            for s in chosen:
                rep, rs, re_ = s["options"][rng.randrange(len(s["options"]))]
                edits.append((s["ostart"], s["oend"], rep, rs, re_))
            text, expected = apply_edits(par, edits)
            if text in seen_texts:
                continue
            seen_texts.add(text)
            made += 1
            cases.append(
                {
                    "id": f"{kind}-{made:03d}-{stem}-p{pi}",
                    "kind": kind,
                    "text": text,
                    "expected": expected,
                }
            )
    return cases


def verify(cases, lex):
    counts = {}
    for case in cases:
        counts[case["kind"]] = counts.get(case["kind"], 0) + 1
        text = case["text"]
        assert case["expected"], case["id"]
        last_end = -1
        for sp in case["expected"]:
            assert sp["token"] == text[sp["start"] : sp["end"]], case["id"]
            assert sp["start"] > last_end, case["id"]
            last_end = sp["end"]
            tok = sp["token"]
            kind = case["kind"]
            if kind in ("run_together", "letter_error", "ocr_confusion") and ANYWORD_RE.fullmatch(tok):
                assert not lex.is_real(tok), (case["id"], tok)
                assert tok.lower() not in COMPOUND_WORDS, (case["id"], tok)
            if kind == "split_word":
                left, right = tok.split(" ")
                assert not (lex.is_real(left) and lex.is_real(right)), (case["id"], tok)
            if kind == "apostrophe":
                assert tok.endswith("s") or tok.endswith("s" + APOS), (case["id"], tok)
                assert apostrophe_ok(tok.rstrip(APOS)[:-1], lex), (case["id"], tok)
            assert "\u00ad" not in tok, case["id"]
    return counts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", default=os.path.join(HERE, "cases.json"))
    ap.add_argument("--per-kind", type=int, default=80)
    ap.add_argument("--clean-dir", default=os.path.join(HERE, "clean"))
    args = ap.parse_args(argv)

    docs = load_corpus(args.clean_dir)
    lex = Lexicon(docs)
    cases = generate(docs, lex, args.seed, args.per_kind)
    counts = verify(cases, lex)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump(cases, f, ensure_ascii=False, indent=1)
        f.write("\n")
    summary = ", ".join(f"{k}={counts.get(k, 0)}" for k in KINDS)
    print(f"wrote {len(cases)} cases to {args.out} ({summary})", file=sys.stderr)


if __name__ == "__main__":
    main()
