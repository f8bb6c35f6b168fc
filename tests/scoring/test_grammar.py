"""Grammar scorer against the real LanguageTool server (started once per session)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from scoring.grammar import check_grammar, chunks, top_issues
from tests import texts

pytestmark = pytest.mark.languagetool


def test_chunks_cover_the_text_exactly():
    text = "para one is here.\nsecond para is a bit longer.\n" * 20 + "x" * 300
    pieces = list(chunks(text, 60))
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= 60 for _, p in pieces)
    assert all(text[o : o + len(p)] == p for o, p in pieces)
    assert list(chunks("", 10)) == []


def test_grammar_issues_and_spelling_signal(languagetool, settings):
    _, client = languagetool
    result = check_grammar(client, texts.GARBLED, settings.languagetool)
    rules = {i.rule_id for i in result.issues}
    assert "ENGLISH_WORD_REPEAT_RULE" in rules
    assert all(i.category != "TYPOS" for i in result.issues)
    flagged = {texts.GARBLED[s.start : s.end] for s in result.spelling}
    assert {"inthe", "membersof"} <= flagged
    assert 'ENGLISH_WORD_REPEAT_RULE: "the the"' in top_issues(result, 10)


def test_clean_text_has_few_issues(languagetool, settings):
    _, client = languagetool
    assert check_grammar(client, texts.CLEAN, settings.languagetool).error_count <= 1


def test_offsets_map_back_across_chunks_and_wide_characters(languagetool, settings):
    _, client = languagetool
    small = settings.languagetool.model_copy(update={"chunk_chars": 120})
    body = ("😀 Officials said that the the plan was late.\n" + texts.CLEAN + "\n") * 3
    result = check_grammar(client, body, small)
    repeats = [i for i in result.issues if i.rule_id == "ENGLISH_WORD_REPEAT_RULE"]
    assert len(repeats) == 3
    for issue in result.issues:
        assert body[issue.span.start : issue.span.end] == issue.text


def test_shared_sentences_get_the_same_issues_at_their_own_offsets(languagetool, settings):
    # versions of a story share sentences, which the server's sentence cache answers
    _, client = languagetool
    lead = "The editor added this opening line.\n"
    alone = check_grammar(client, texts.GARBLED, settings.languagetool)
    later = check_grammar(client, lead + texts.GARBLED, settings.languagetool)
    assert alone.issues
    assert [(i.rule_id, i.text, i.span.start) for i in alone.issues] == [
        (i.rule_id, i.text, i.span.start - len(lead)) for i in later.issues
    ]
    assert [s.start for s in alone.spelling] == [s.start - len(lead) for s in later.spelling]


def test_concurrent_checks_match_sequential(languagetool, settings):
    _, client = languagetool
    bodies = [texts.GARBLED, texts.CLEAN, texts.NEGATIVE, "😀 " + texts.GARBLED] * 3
    sequential = [check_grammar(client, b, settings.languagetool) for b in bodies]
    with ThreadPoolExecutor(6) as pool:
        parallel = list(pool.map(lambda b: check_grammar(client, b, settings.languagetool), bodies))
    assert parallel == sequential


def test_empty_text(languagetool, settings):
    _, client = languagetool
    result = check_grammar(client, "", settings.languagetool)
    assert result.issues == () and result.spelling == ()
