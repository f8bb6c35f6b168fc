"""Read step: headers, titles, and a specific error for every kind of bad file. No Java needed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from jobs.reader import parse_article, read_inputs
from scoring.records import Article, InputFailure


def _read_all(folder, settings):
    return {item.article_id: item for item in read_inputs(folder, settings.input)}


def test_header_and_title_are_split_off():
    a = parse_article(
        " date 2025-09-05 Politics\nLeaders meet in the capital\nFirst paragraph.\nSecond one.", "x", "x.txt", "h"
    )
    assert a.date == dt.date(2025, 9, 5) and a.section == "Politics"
    assert a.title == "Leaders meet in the capital"
    assert a.body == "First paragraph.\nSecond one."


def test_no_header_and_a_sentence_first_line_is_not_a_title():
    a = parse_article("The council met on Monday. It agreed a plan.\nMore text follows here.", "x", "x.txt", "h")
    assert a.date is None and a.title == ""
    assert a.body.startswith("The council met")


def test_windows_line_endings_and_bom(tmp_path, settings):
    (tmp_path / "a.txt").write_bytes("\ufeffdate 2025-01-02 World\r\nA title\r\nBody text here.\r\n".encode())
    a = _read_all(tmp_path, settings)["a"]
    assert isinstance(a, Article)
    assert a.date == dt.date(2025, 1, 2) and a.title == "A title" and a.body == "Body text here."


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"   \n\t\n", "empty"),
        (b"date 2025-01-01 World\n", "empty"),
        ("Caf\u00e9 au lait".encode("cp1252"), "not_utf8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        (b"date 2025-02-31 World\nTitle\nBody.", "bad_date"),
    ],
)
def test_bad_files_become_specific_failures(tmp_path, settings, content, reason):
    (tmp_path / "bad.txt").write_bytes(content)
    (tmp_path / "good.txt").write_text("A fine article about the harbour.", encoding="utf-8")
    items = _read_all(tmp_path, settings)
    assert isinstance(items["good"], Article)
    bad = items["bad"]
    assert isinstance(bad, InputFailure) and bad.reason == reason and bad.message


def test_not_utf8_message_names_the_byte(tmp_path, settings):
    (tmp_path / "bad.txt").write_bytes(b"ok text \xe9 more")
    assert "0xe9 at offset 8" in _read_all(tmp_path, settings)["bad"].message


def test_unreadable_file(tmp_path, settings, monkeypatch):
    # root reads any file whatever its mode, so the permission error is simulated
    path = tmp_path / "locked.txt"
    path.write_text("text", encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    bad = _read_all(tmp_path, settings)["locked"]
    assert bad.reason == "unreadable" and "Permission denied" in bad.message


def test_broken_symlink_is_reported(tmp_path, settings):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    assert _read_all(tmp_path, settings)["gone"].reason == "unreadable"


def test_too_large(tmp_path, settings):
    from scoring.settings import load_settings

    small = load_settings(overrides={"input": {"max_bytes": 10}})
    (tmp_path / "big.txt").write_text("x" * 11, encoding="utf-8")
    assert _read_all(tmp_path, small)["big"].reason == "too_large"


def test_other_endings_are_skipped_and_subfolders_read(tmp_path, settings):
    (tmp_path / "notes.md").write_text("# notes", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("Body of b.", encoding="utf-8")
    assert list(_read_all(tmp_path, settings)) == ["sub/b"]


def test_html_is_stripped_and_noted(tmp_path, settings):
    (tmp_path / "page.html.txt").write_text(
        "<!DOCTYPE html><html><head><title>Port strike ends</title><script>var x = 1;</script></head>"
        "<body><h1>Port strike ends</h1><p>Dock workers returned to work on Monday after the union and the "
        "port authority signed a new agreement on pay and shifts.</p><p>The strike had lasted &amp; "
        "cost the port two weeks of traffic, officials said.</p></body></html>",
        encoding="utf-8",
    )
    a = _read_all(tmp_path, settings)["page.html"]
    assert isinstance(a, Article)
    assert a.title == "Port strike ends" and a.notes == ("html_stripped",)
    assert "<" not in a.body and "var x" not in a.body and "& cost" in a.body


def test_non_english_is_marked_not_scored(tmp_path, settings):
    (tmp_path / "fr.txt").write_text(
        "Le gouvernement a annoncé mardi un nouveau plan pour les agriculteurs de la région, qui attendaient "
        "depuis des mois une réponse de l’État sur le prix du lait et les aides promises après les inondations.",
        encoding="utf-8",
    )
    bad = _read_all(tmp_path, settings)["fr"]
    assert isinstance(bad, InputFailure) and bad.reason == "not_english"
    assert "does not look like English" in bad.message


def test_byte_identical_files_are_both_read(tmp_path, settings):
    for name in ("one.txt", "two.txt"):
        (tmp_path / name).write_text("The council met on Monday and approved the budget.", encoding="utf-8")
    items = _read_all(tmp_path, settings)
    assert items["one"].content_hash == items["two"].content_hash
    assert items["one"].article_id != items["two"].article_id
