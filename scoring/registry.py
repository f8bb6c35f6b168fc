"""The one registry of scorers. Settings name the scorers to run; an unknown name fails at start,
listing the valid ones."""

from __future__ import annotations

from dataclasses import dataclass

from scoring.errors import ConfigError


@dataclass(frozen=True, slots=True)
class ScorerSpec:
    name: str
    summary: str
    needs_languagetool: bool


SCORERS: dict[str, ScorerSpec] = {
    spec.name: spec
    for spec in (
        ScorerSpec("grammar", "LanguageTool grammar and style matches (spelling excluded)", True),
        ScorerSpec("garbled", "run-together, broken and stray tokens left by machine translation or OCR", False),
        ScorerSpec(
            "readability", "textstat readability metrics (Flesch, Flesch-Kincaid, fog, SMOG, Dale-Chall)", False
        ),
    )
}


def get_scorer(name: str) -> ScorerSpec:
    """Return the spec of scorer `name`; raises `ConfigError` listing the valid names."""
    try:
        return SCORERS[name]
    except KeyError:
        raise ConfigError(f"unknown scorer '{name}'; valid scorers: {', '.join(SCORERS)}") from None


def validate_names(names: tuple[str, ...]) -> tuple[str, ...]:
    """Check a scorer list from settings; raises ValueError (reported by the settings loader)."""
    unknown = [n for n in names if n not in SCORERS]
    if unknown:
        raise ValueError(f"unknown scorer '{unknown[0]}'; valid scorers: {', '.join(SCORERS)}")
    if len(set(names)) != len(names):
        raise ValueError("a scorer is listed twice")
    return names
