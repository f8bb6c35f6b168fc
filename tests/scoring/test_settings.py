"""Settings schema and the scorer registry. No Java needed."""

from __future__ import annotations

from pathlib import Path

import pytest

from scoring.errors import ConfigError
from scoring.registry import SCORERS, get_scorer
from scoring.settings import DEFAULT_CONFIG, load_settings


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "custom.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_default_file_is_valid():
    s = load_settings()
    assert s.scorers == ("grammar", "garbled", "readability")
    assert s.languagetool.jars_dir.is_absolute()
    assert s.quality.readability_weight <= 0.2


def test_every_weight_and_threshold_has_a_comment():
    lines = DEFAULT_CONFIG.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if "=" in line and not line.startswith("#") and ("weight" in line or "threshold" in line or "zipf" in line):
            assert lines[i - 1].startswith("#"), f"no comment above: {line}"


def test_user_file_overrides_a_subset(tmp_path):
    s = load_settings(_write(tmp_path, "[quality]\ngarbled_weight = 1.5\n"))
    assert s.quality.garbled_weight == 1.5
    assert s.quality.grammar_weight == load_settings().quality.grammar_weight


def test_relative_path_is_resolved_against_the_file(tmp_path):
    s = load_settings(_write(tmp_path, '[languagetool]\njars_dir = "lt/jars"\n'))
    assert s.languagetool.jars_dir == (tmp_path / "lt" / "jars").resolve()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[quality]\ngarbled_wieght = 1.0\n", "unknown setting 'quality.garbled_wieght'"),
        ("colour = 1\n", "unknown setting 'colour'"),
        ('[quality]\ngarbled_weight = "high"\n', "setting 'quality.garbled_weight'"),
        ("[languagetool]\nclient_threads = 0\n", "setting 'languagetool.client_threads'"),
        ("[quality]\nreadability_weight = 1.5\n", "setting 'quality.readability_weight'"),
        (
            'scorers = ["grammar", "spelling"]\n',
            "unknown scorer 'spelling'; valid scorers: grammar, garbled, readability",
        ),
        ("[quality\n", "not valid TOML"),
    ],
)
def test_bad_config_fails_with_one_line(tmp_path, text, message):
    with pytest.raises(ConfigError) as info:
        load_settings(_write(tmp_path, text))
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        load_settings(tmp_path / "nope.toml")


def test_registry_lists_valid_names_on_unknown():
    assert get_scorer("grammar").needs_languagetool
    with pytest.raises(ConfigError, match="valid scorers: grammar, garbled, readability"):
        get_scorer("style")
    assert not any(SCORERS[n].needs_languagetool for n in ("garbled", "readability"))


def test_settings_are_frozen():
    s = load_settings()
    with pytest.raises(Exception):  # noqa: B017 - pydantic raises its own ValidationError
        s.quality.garbled_weight = 3.0  # type: ignore[misc]
