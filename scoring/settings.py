"""Settings: loaded and validated once, at start, into one frozen model.

`config/default.toml` holds every value (with a comment on each weight and threshold); a user
file given with `--config` overrides any subset of it. An unknown key, a wrong type or an
unknown scorer name raises `ConfigError` before any work starts. Relative paths are resolved
against the folder of the file that sets them.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from scoring.errors import ConfigError

DEFAULT_CONFIG = Path(__file__).resolve().parents[1] / "config" / "default.toml"

# Keys whose values are paths, resolved against the folder of the file that sets them.
_PATH_KEYS = {("languagetool", "jars_dir"), ("languagetool", "aot_cache_dir")}

Positive = Annotated[int, Field(gt=0)]
PositiveFloat = Annotated[float, Field(gt=0)]
Fraction = Annotated[float, Field(ge=0, le=1)]
NonNegative = Annotated[float, Field(ge=0)]


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class InputSettings(_Section):
    extensions: tuple[str, ...]
    max_bytes: Positive
    min_english_share: Fraction


class CacheSettings(_Section):
    enabled: bool
    path: str


class OutputSettings(_Section):
    excel_bom: bool


class LanguageToolSettings(_Section):
    url: str
    jars_dir: Path
    java: str
    aot_cache: bool
    aot_cache_dir: str
    aot_training_bodies: Positive
    heap_mb: Positive
    language: str
    max_check_threads: Positive
    client_threads: Positive
    request_timeout_s: PositiveFloat
    chunk_chars: Positive
    max_attempts: Positive
    max_restarts: Annotated[int, Field(ge=0)]
    startup_timeout_s: PositiveFloat
    ignored_categories: tuple[str, ...]
    disabled_rules: tuple[str, ...]
    top_issues: Positive

    @field_validator("jars_dir", mode="before")
    @classmethod
    def _path(cls, value: Any) -> Any:
        return Path(value) if isinstance(value, str) else value


class GarbledSettings(_Section):
    known_zipf: NonNegative
    piece_zipf: NonNegative
    rare_zipf: NonNegative
    min_unknown_length: Positive


class ReadabilitySettings(_Section):
    language: str


class QualitySettings(_Section):
    grammar_weight: NonNegative
    garbled_weight: NonNegative
    readability_weight: Fraction


class GroupingSettings(_Section):
    similarity_threshold: Fraction
    max_days_apart: Annotated[int, Field(ge=0)]
    max_terms_per_article: Positive
    max_term_share: Fraction
    processes: Positive


class Settings(_Section):
    scorers: tuple[str, ...]
    input: InputSettings
    cache: CacheSettings
    output: OutputSettings
    languagetool: LanguageToolSettings
    garbled: GarbledSettings
    readability: ReadabilitySettings
    quality: QualitySettings
    grouping: GroupingSettings

    @field_validator("scorers")
    @classmethod
    def _known_scorers(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        from scoring.registry import validate_names

        return validate_names(value)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError as exc:
        raise ConfigError(f"config file not found: {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from exc
    for section, key in _PATH_KEYS:
        value = data.get(section, {}).get(key) if isinstance(data.get(section), dict) else None
        if isinstance(value, str) and value:
            data[section][key] = str((path.parent / Path(value).expanduser()).resolve())
    return data


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            merged[key] = _merge(base[key], value)
        else:
            merged[key] = value
    return merged


def _lists_to_tuples(value: Any) -> Any:
    """TOML arrays arrive as lists; the frozen model holds tuples (strict mode wants tuples)."""
    if isinstance(value, dict):
        return {k: _lists_to_tuples(v) for k, v in value.items()}
    if isinstance(value, list):
        return tuple(_lists_to_tuples(v) for v in value)
    return value


def _first_error(exc: ValidationError, source: str) -> str:
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"]) or "(top level)"
    kind = err["type"]
    if kind == "extra_forbidden":
        return f"{source}: unknown setting '{where}'"
    return f"{source}: setting '{where}': {err['msg']}"


def load_settings(path: Path | None = None, overrides: dict[str, Any] | None = None) -> Settings:
    """Load `config/default.toml`, apply the user file `path` and `overrides` on top, validate.

    Raises `ConfigError` with a one-line message naming the first bad key.
    """
    data = _read_toml(DEFAULT_CONFIG)
    source = str(DEFAULT_CONFIG)
    if path is not None:
        data = _merge(data, _read_toml(Path(path)))
        source = str(path)
    if overrides:
        data = _merge(data, overrides)
    try:
        return Settings.model_validate(_lists_to_tuples(data))
    except ValidationError as exc:
        raise ConfigError(_first_error(exc, source)) from None
