"""Peak memory of the job at scale (issue: Python peak RSS ≤ 1 GiB at 100,000 articles).

    python -m bench.memory [--n 100000] [--scorers grammar,garbled,readability] [--workdir DIR]
    (`make bench-memory`; about 12 minutes for 100,000 articles with grammar and garbled tokens,
    about 35 more with readability, on an otherwise idle 2-core machine)

Checking 100,000 articles with LanguageTool takes hours, so LanguageTool's share is replayed:
`--sample` generated articles (default 300) are checked by a real LanguageTool server, started
as the job starts it, and a run cache is filled with one of those real results per generated
body, taken in turn (so the matches the job holds have real sizes and counts). The job then
runs on the N generated articles (`bench.corpus`) with that cache, as a subprocess,
`textquality run DIR --output OUT.csv`: it reads every file, groups the stories, takes grammar
results from the cache and computes the other scorers for real. Its peak RSS is polled (VmHWM),
and so is that of its child processes (the story-grouping workers).

The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench import corpus
from bench.run_bench import REPO, run_measured, say
from jobs.cache import RunCache, body_key, languagetool_fingerprint
from jobs.reader import parse_article
from scoring.grammar import GrammarChecker
from scoring.languagetool_server import LanguageToolServer
from scoring.records import GrammarResult
from scoring.settings import Settings, load_settings

TARGET_MB = 1024  # the issue's bound: 1 GiB


def _real_results(sample: list[str], settings: Settings) -> list[GrammarResult]:
    """LanguageTool's results for `sample`, from a server started as the job starts it."""
    with LanguageToolServer(settings.languagetool) as server:
        checker = GrammarChecker(server, settings.languagetool).open()
        with ThreadPoolExecutor(max_workers=settings.languagetool.client_threads) as pool:
            return list(pool.map(checker.check, sample))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.memory", description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="generated articles (default 100,000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sample", type=int, default=300, help="articles really checked by LanguageTool")
    parser.add_argument("--scorers", default="grammar,garbled", help="comma-separated (default grammar,garbled)")
    parser.add_argument("--workdir", type=Path, default=None, help="work folder (default: a temporary one)")
    args = parser.parse_args(argv)
    scorers = [s.strip() for s in args.scorers.split(",") if s.strip()]
    work = args.workdir or Path(tempfile.mkdtemp(prefix="textquality-bench-memory-"))
    work.mkdir(parents=True, exist_ok=True)
    settings = load_settings()

    started = time.perf_counter()
    generated = corpus.generate(args.n, args.seed)
    corpus.write_corpus(generated, work / "in")
    bodies = [parse_article(text, name, name, "").body for name, text in generated]
    words = sum(len(b.split()) for b in bodies)
    del generated
    say(f"wrote {len(bodies):,} articles ({words:,} words) to {work / 'in'} in {time.perf_counter() - started:.0f} s")

    cache_path = work / "cache.sqlite"
    cache_path.unlink(missing_ok=True)
    if "grammar" in scorers:
        started = time.perf_counter()
        real = _real_results(bodies[: args.sample], settings)
        fingerprint = languagetool_fingerprint(settings.languagetool)
        with RunCache(cache_path) as cache:
            for i, body in enumerate(bodies):
                cache.put_grammar(body_key(body), fingerprint, real[i % len(real)])
            cache.commit()
        matches = sum(len(r.issues) + len(r.spelling) for r in real) / len(real)
        say(f"checked {len(real)} articles with LanguageTool ({matches:.1f} matches each) and filled the cache "
            f"in {time.perf_counter() - started:.0f} s")  # fmt: skip
    del bodies

    config = work / "bench.toml"
    config.write_text(
        f"scorers = {json.dumps(scorers)}\n\n[cache]\npath = {json.dumps(str(cache_path))}\n", encoding="utf-8"
    )
    cmd = [sys.executable, "-m", "jobs.cli", "run", str(work / "in"), "--output", str(work / "out.csv")]
    cmd += ["--config", str(config)]
    say(f"running: {' '.join(cmd)}")
    res = run_measured(cmd, work / "job.log", cwd=REPO)
    if res["returncode"] != 0:
        say(f"the job failed (exit code {res['returncode']}); see {work / 'job.log'}")
    say(f"job: {res['wall_s']:.0f} s, peak RSS {res['peak_rss_mb']:.0f} MB (children {res['peak_rss_mb_children']} MB)")
    print(
        json.dumps(
            {
                "articles": args.n,
                "words": words,
                "scorers": scorers,
                "languagetool_sample": args.sample if "grammar" in scorers else 0,
                "job_wall_s": round(res["wall_s"], 1),
                "job_exit_code": res["returncode"],
                "peak_rss_mb_python": res["peak_rss_mb"],
                "peak_rss_mb_python_children": res["peak_rss_mb_children"],
                "target_mb": TARGET_MB,
                "met": res["returncode"] == 0 and res["peak_rss_mb"] <= TARGET_MB,
                "workdir": str(work),
            }
        )
    )
    return 0 if res["returncode"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
