"""Write step: the CSV reads back unchanged, and a failed write never replaces a good file."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from jobs import writer
from scoring.records import (
    Article,
    ArticleScores,
    GarbledResult,
    GarbledToken,
    InputFailure,
    QualityScore,
    RankedArticle,
    Span,
)


def _ranked(title: str) -> RankedArticle:
    art = Article("a/1", "a/1.txt", title, dt.date(2025, 9, 5), "World", "body", "h")
    garbled = GarbledResult(
        (GarbledToken("Kimin", Span(0, 5), "run_together"), GarbledToken("|", Span(6, 7), "stray_symbol"))
    )
    scores = ArticleScores(art, 120, garbled=garbled, quality=QualityScore(42.5, 90.0, 40.0, 50.0))
    return RankedArticle(scores, "story-1", 1, 1, True)


def test_round_trip_with_pandas(tmp_path):
    title = 'Quotes "inside", commas, newlines\nand ünïcödé ’curly’'
    frame = writer.to_frame([_ranked(title)], [InputFailure("b", "b.txt", "not_utf8", "not valid UTF-8: byte 0xe9")], 5)
    out = tmp_path / "r.csv"
    writer.write_atomic(out, frame)
    back = pd.read_csv(out, keep_default_na=False, dtype=str)
    assert list(back.columns) == writer.COLUMNS
    assert back.loc[0, "title"] == title
    assert back.loc[0, "garbled_tokens"] == "Kimin[run_together]; |[stray_symbol]"
    assert back.loc[0, "garbled_by_reason"] == "run_together=1; stray_symbol=1"
    assert back.loc[0, "rank_in_story"] == "1" and back.loc[0, "is_cleanest"] == "True"
    assert back.loc[1, "status"] == "error" and back.loc[1, "error"].startswith("not_utf8: ")
    assert back.loc[1, "rank_in_story"] == ""


def test_excel_bom(tmp_path):
    out = tmp_path / "r.csv"
    writer.write_atomic(out, writer.to_frame([_ranked("t")], [], 5), excel_bom=True)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_failed_write_keeps_the_previous_file(tmp_path, monkeypatch):
    out = tmp_path / "r.csv"
    out.write_text("previous good report\n", encoding="utf-8")
    frame = writer.to_frame([_ranked("t")], [], 5)

    def explode(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_csv", explode)
    with pytest.raises(OSError, match="disk full"):
        writer.write_atomic(out, frame)
    assert out.read_text(encoding="utf-8") == "previous good report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.csv"]  # no temp file left behind


def test_formula_cells_are_neutralised(tmp_path):
    frame = writer.to_frame(
        [_ranked('=HYPERLINK("http://x","y")')], [InputFailure("@evil", "+x.txt", "empty", "-1")], 5
    )
    out = tmp_path / "r.csv"
    writer.write_atomic(out, frame)
    back = pd.read_csv(out, keep_default_na=False, dtype=str)
    assert back.loc[0, "title"] == '\'=HYPERLINK("http://x","y")'
    assert back.loc[1, "article_id"] == "'@evil" and back.loc[1, "path"] == "'+x.txt"
    assert back.loc[0, "quality_score"] == "42.5"  # numbers untouched
    for value in back.to_numpy().ravel():
        assert not str(value).startswith(("=", "+", "-", "@", "\t", "\r"))


def test_errors_csv(tmp_path):
    failures = [
        InputFailure("b", "b.txt", "not_utf8", "not valid UTF-8"),
        InputFailure("a", "a.txt", "empty", "no text"),
    ]
    out = tmp_path / "errors.csv"
    writer.write_atomic(out, writer.errors_frame(failures))
    back = pd.read_csv(out, keep_default_na=False, dtype=str)
    assert list(back.columns) == ["path", "article_id", "reason", "message"]
    assert list(back["reason"]) == ["empty", "not_utf8"]


def test_written_files_are_readable_by_others(tmp_path):
    out = tmp_path / "r.csv"
    writer.write_atomic(out, writer.to_frame([_ranked("t")], [], 5))
    assert out.stat().st_mode & 0o044 == 0o044


@pytest.mark.parametrize("excel_bom", [False, True])
def test_chunked_csv_is_the_same_bytes_as_one_write(tmp_path, excel_bom):
    ranked = [_ranked(t) for t in ("first", 'a "quoted", title', "=SUM(1)", "ünïcödé")]
    failures = [InputFailure("b", "b.txt", "not_utf8", "not valid UTF-8")]
    whole = tmp_path / "whole.csv"
    writer.write_atomic(whole, writer.to_frame(ranked, failures, 5), excel_bom=excel_bom)
    chunked = tmp_path / "chunked.csv"
    with writer.write_chunked_atomic(chunked, excel_bom=excel_bom) as out:
        out.write(writer.to_frame(ranked[:1], [], 5))
        out.write(writer.to_frame(ranked[1:], [], 5))
        out.write(writer.to_frame([], failures, 5))
    assert chunked.read_bytes() == whole.read_bytes()
    assert out.rows == 5


def test_chunked_csv_with_no_rows_has_its_header(tmp_path):
    out = tmp_path / "r.csv"
    with writer.write_chunked_atomic(out):
        pass
    assert list(pd.read_csv(out).columns) == writer.COLUMNS


def test_chunked_csv_failing_midway_keeps_the_previous_file(tmp_path):
    out = tmp_path / "r.csv"
    out.write_text("previous good report\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match="scoring failed"), writer.write_chunked_atomic(out) as chunks:
        chunks.write(writer.to_frame([_ranked("t")], [], 5))
        raise RuntimeError("scoring failed")
    assert out.read_text(encoding="utf-8") == "previous good report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["r.csv"]


def test_copy_is_byte_for_byte(tmp_path):
    source = tmp_path / "r.csv"
    writer.write_atomic(source, writer.to_frame([_ranked("t")], [], 5), excel_bom=True)
    writer.copy_atomic(source, tmp_path / "latest.csv")
    assert (tmp_path / "latest.csv").read_bytes() == source.read_bytes()
