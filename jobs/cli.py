"""The `textquality` command.

Exit codes: 0 all articles scored; 1 finished, but some articles failed (their rows say why);
2 usage or configuration error; 3 infrastructure failure (LanguageTool cannot start or keeps
failing, output not writable) — the previous output is left as it was; 4 another run is already
using the same report folder or output; 130 interrupted (Ctrl-C, SIGTERM), no output written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import signal
import sys
import time
from pathlib import Path
from types import FrameType

from scoring.errors import AlreadyRunning, ConfigError, LanguageToolError, TextQualityError
from scoring.registry import SCORERS
from scoring.settings import DEFAULT_CONFIG, load_settings

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INFRA, EXIT_ALREADY_RUNNING = 0, 1, 2, 3, 4
EXIT_INTERRUPTED = 130

log = logging.getLogger("textquality")


class Terminated(Exception):
    """SIGTERM received: unwinds the job so the LanguageTool server is stopped."""


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise Terminated(f"received signal {signum}")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="textquality",
        description="Score news articles for grammar errors, garbled tokens and readability, "
        "group the versions of each story and write a ranked CSV marking the cleanest version.",
        epilog="Exit codes: 0 all scored; 1 some articles failed (see their rows); 2 usage or config error; "
        "3 LanguageTool or output failure; 4 another run is active; 130 interrupted.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    run = sub.add_parser(
        "run",
        help="score a folder of articles and write the ranked CSV",
        description="Score every article file in INPUT_DIR and write the ranked CSV.",
    )
    run.add_argument(
        "input_dir",
        type=Path,
        metavar="INPUT_DIR",
        help="folder of article files (UTF-8 .txt; optional 'date YYYY-MM-DD Section' first line and "
        "title line); read recursively",
    )
    where = run.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "--output", "-o", type=Path, metavar="OUT.csv", help="write the ranked CSV here (replaced atomically)"
    )
    where.add_argument(
        "--report-dir",
        type=Path,
        metavar="DIR",
        help="nightly mode: write DIR/<YYYY-MM-DD>/ranking.csv, errors.csv and summary.json, replace "
        "DIR/latest.csv, and keep the incremental cache in DIR/cache.sqlite",
    )
    run.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help=f"TOML settings overriding the defaults in {DEFAULT_CONFIG.name} (see config/default.toml for every key)",
    )
    run.add_argument(
        "--languagetool-url",
        metavar="URL",
        help="use this running LanguageTool server instead of starting one (overrides languagetool.url)",
    )
    run.add_argument(
        "--excel", action="store_true", help="write CSVs with a UTF-8 byte-order mark for Excel (output.excel_bom)"
    )
    run.add_argument("--quiet", "-q", action="store_true", help="log warnings and errors only; no progress bar")

    sub.add_parser("scorers", help="list the available scorers")

    serve = sub.add_parser(
        "languagetool",
        help="run the pinned, tuned LanguageTool server in the foreground (a standing server for --languagetool-url)",
        description="Run the pinned LanguageTool server with the job's tuned settings on 127.0.0.1:PORT until "
        "SIGTERM or Ctrl-C (exit 0), e.g. as a systemd service; nightly runs then use it with "
        "--languagetool-url and pay neither Java's start-up nor its warm-up (see BENCHMARKS.md).",
    )
    serve.add_argument("--port", type=int, default=8081, help="port on 127.0.0.1 (default 8081)")
    serve.add_argument("--config", type=Path, metavar="FILE", help="TOML settings (the [languagetool] section)")
    return parser


def _serve_languagetool(args: argparse.Namespace) -> int:
    """`textquality languagetool`: the job's server, kept up until told to stop."""
    try:
        settings = load_settings(args.config, {"languagetool": {"url": ""}})
    except ConfigError as exc:
        print(f"textquality: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    from scoring.languagetool_server import LanguageToolServer

    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        with LanguageToolServer(settings.languagetool, port=args.port) as server:
            print(f"LanguageTool ready at {server.url} (use: textquality run --languagetool-url {server.url} …)")
            sys.stdout.flush()
            while server.running:
                time.sleep(1.0)
            log.error("LanguageTool server exited on its own")
            return EXIT_INFRA
    except LanguageToolError as exc:
        print(f"textquality: LanguageTool failure: {exc}", file=sys.stderr)
        return EXIT_INFRA
    except (KeyboardInterrupt, Terminated):
        return EXIT_OK  # the normal way to stop a service
    finally:
        signal.signal(signal.SIGTERM, previous)


def _setup_logging(quiet: bool) -> None:
    logging.basicConfig(
        level=logging.WARNING if quiet else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        datefmt="%Y-%m-%dT%H:%M:%S",
        stream=sys.stderr,
    )


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "scorers":
        for spec in SCORERS.values():
            print(f"{spec.name:12s} {spec.summary}")
        return EXIT_OK

    if args.command == "languagetool":
        _setup_logging(quiet=False)
        return _serve_languagetool(args)

    _setup_logging(args.quiet)
    try:
        overrides = {"languagetool": {"url": args.languagetool_url}} if args.languagetool_url else None
        settings = load_settings(args.config, overrides)
        if not args.input_dir.is_dir():
            raise ConfigError(f"input folder not found: {args.input_dir}")
    except ConfigError as exc:
        print(f"textquality: error: {exc}", file=sys.stderr)
        return EXIT_USAGE

    from jobs.pipeline import Destination, run  # heavy imports only once the arguments are good

    if args.report_dir is not None:
        dest = Destination.report_folder(args.report_dir, dt.date.today(), settings)
    else:
        dest = Destination.single_file(args.output, settings)
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        summary = run(args.input_dir, dest, settings, excel=args.excel, progress=False if args.quiet else None)
    except AlreadyRunning as exc:
        print(f"textquality: {exc}", file=sys.stderr)
        return EXIT_ALREADY_RUNNING
    except LanguageToolError as exc:
        log.error("LanguageTool failure: %s", exc)
        print(f"textquality: LanguageTool failure: {exc}", file=sys.stderr)
        return EXIT_INFRA
    except OSError as exc:
        print(f"textquality: cannot write output: {exc}", file=sys.stderr)
        return EXIT_INFRA
    except TextQualityError as exc:
        print(f"textquality: error: {exc}", file=sys.stderr)
        return EXIT_INFRA
    except (KeyboardInterrupt, Terminated) as exc:
        print(f"textquality: interrupted ({exc or 'Ctrl-C'}); output not written", file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        signal.signal(signal.SIGTERM, previous)

    print(
        f"wrote {dest.ranking} ({summary.articles_scored} scored, {summary.articles_cached} from cache, "
        f"{summary.articles_failed} failed, {summary.stories} stories, {summary.elapsed_s:.1f} s)"
    )
    return EXIT_SOME_FAILED if summary.articles_failed else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
