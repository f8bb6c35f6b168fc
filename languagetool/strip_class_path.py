"""Remove the `Class-Path` attribute from the manifests of the fetched LanguageTool jars.

    python3 languagetool/strip_class_path.py JARS_DIR

languagetool-server's manifest names `./` and `libs/*.jar` (the layout of LanguageTool's zip
download). Here every jar is on the class path already, and a directory on the class path makes
Java refuse to record or use an ahead-of-time cache ("Cannot have non-empty directory in paths").
Only the manifest changes; every class and resource is copied as it is. Standard library only:
`make languagetool` runs it before the project's virtual environment exists.
"""

from __future__ import annotations

import os
import re
import sys
import zipfile
from pathlib import Path

MANIFEST = "META-INF/MANIFEST.MF"


def without_class_path(manifest: str) -> str | None:
    """The manifest text without its Class-Path attribute (and its continuation lines), or None
    when it has none."""
    lines = re.sub(r"\r?\n ", "", manifest).splitlines()  # unfold 72-byte continuation lines
    kept = [line for line in lines if not line.startswith("Class-Path:")]
    return None if len(kept) == len(lines) else "\r\n".join(kept) + "\r\n"


def strip(jar: Path) -> bool:
    """Rewrite `jar` without a Class-Path attribute (atomically); False if it had none."""
    with zipfile.ZipFile(jar) as src:
        if MANIFEST not in src.namelist():
            return False
        manifest = without_class_path(src.read(MANIFEST).decode("utf-8"))
        if manifest is None:
            return False
        tmp = jar.with_name(jar.name + ".tmp")
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as out:
            for info in src.infolist():
                out.writestr(info, manifest.encode("utf-8") if info.filename == MANIFEST else src.read(info))
    os.replace(tmp, jar)
    return True


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    for jar in sorted(Path(argv[0]).glob("*.jar")):
        if strip(jar):
            print(f"removed Class-Path from {jar.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
