"""`make languagetool`'s manifest fix (languagetool/strip_class_path.py): without a Class-Path
naming a directory, Java can record and use an AOT cache for LanguageTool."""

from __future__ import annotations

import importlib.util
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

_spec = importlib.util.spec_from_file_location("strip_class_path", ROOT / "languagetool" / "strip_class_path.py")
assert _spec and _spec.loader
strip_class_path = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(strip_class_path)

SERVER_MANIFEST = (
    "Manifest-Version: 1.0\r\n"
    "Main-Class: org.languagetool.server.HTTPServer\r\n"
    "Class-Path: ./ libs/bcrypt.jar libs/bytes.jar libs/logback-classic.jar l\r\n"
    " ibs/logback-core.jar libs/jackson-core.jar\r\n"
    "Implementation-Version: 6.8\r\n"
    "\r\n"
)


def test_class_path_and_its_continuation_lines_are_removed():
    text = strip_class_path.without_class_path(SERVER_MANIFEST)
    assert text is not None
    assert "Class-Path" not in text and "ibs/" not in text
    assert "Main-Class: org.languagetool.server.HTTPServer\r\n" in text
    assert "Implementation-Version: 6.8\r\n" in text
    assert strip_class_path.without_class_path(text) is None  # nothing left to remove


def _jar(path: Path, manifest: str) -> Path:
    with zipfile.ZipFile(path, "w") as jar:
        jar.writestr("META-INF/MANIFEST.MF", manifest)
        jar.writestr("org/languagetool/A.class", b"\xca\xfe\xba\xbe-bytes")
        jar.writestr("org/languagetool/rules.xml", "<rules/>")
    return path


def test_strip_keeps_every_other_entry_byte_for_byte(tmp_path):
    jar = _jar(tmp_path / "languagetool-server-6.8.jar", SERVER_MANIFEST)
    assert strip_class_path.strip(jar)
    with zipfile.ZipFile(jar) as z:
        assert z.namelist() == ["META-INF/MANIFEST.MF", "org/languagetool/A.class", "org/languagetool/rules.xml"]
        assert z.read("org/languagetool/A.class") == b"\xca\xfe\xba\xbe-bytes"
        assert "Class-Path" not in z.read("META-INF/MANIFEST.MF").decode()
    assert list(tmp_path.iterdir()) == [jar]  # no temporary file left


def test_jar_without_class_path_is_not_rewritten(tmp_path):
    jar = _jar(tmp_path / "plain.jar", "Manifest-Version: 1.0\r\n\r\n")
    before = jar.stat().st_mtime_ns, jar.read_bytes()
    assert not strip_class_path.strip(jar)
    assert (jar.stat().st_mtime_ns, jar.read_bytes()) == before


def test_provisioned_jars_name_no_class_path():
    jars = sorted((ROOT / ".cache" / "languagetool" / "jars").glob("*.jar"))
    if not jars:
        pytest.skip("LanguageTool is not provisioned (make languagetool)")
    for jar in jars:
        with zipfile.ZipFile(jar) as z:
            manifest = z.read("META-INF/MANIFEST.MF").decode() if "META-INF/MANIFEST.MF" in z.namelist() else ""
        assert "Class-Path:" not in manifest, jar.name
