"""Command line: ``casefile build|check`` — parses options, calls the library, reports.

Exit codes: 0 success; 1 ``check`` found stale files; 2 the input or output has
problems (each printed as ``path:line: problem — how to fix``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import InputError, OutputError, Problem
from .pipeline import default_jobs, generate
from .site import recover, stale_files, write_tree


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="casefile",
        description="Turn a folder of news articles about one story into a cross-linked case file.",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, help_text in (
        ("build", "generate the case file's pages into the docs folder"),
        ("check", "exit 1, listing files, when the docs folder is not what build would write"),
    ):
        command = sub.add_parser(name, help=help_text, description=help_text)
        command.add_argument("--seeds", type=Path, default=Path("seeds"), metavar="DIR",
                             help="folder of seed texts, sidecars and case.yml (default: seeds)")
        command.add_argument("--out", type=Path, default=Path("docs_src"), metavar="DIR",
                             help="docs folder to write (default: docs_src)")
        command.add_argument("--strict", action="store_true",
                             help="treat warnings (unknown keys, unmatched curation) as errors")
        command.add_argument("--jobs", type=int, default=None, metavar="N",
                             help="processes analysing sources in parallel (default: all cores)")
        command.add_argument("--timings", action="store_true",
                             help="print the seconds each stage took (to stderr)")
        command.add_argument("--no-cache", action="store_true",
                             help="analyse every source again instead of reusing the cache "
                                  "(.cache/casefile beside the seeds folder)")
    return parser


def _print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    args = _parser().parse_args(argv)
    try:
        jobs = args.jobs if args.jobs and args.jobs > 0 else default_jobs()
        cache_dir = None if args.no_cache else args.seeds.absolute().parent / ".cache" / "casefile"
        generated = generate(args.seeds, jobs=jobs, cache_dir=cache_dir)
    except InputError as exc:
        _print_problems(exc.problems)
        errors = sum(1 for p in exc.problems if not p.warning)
        print(f"casefile: {errors} problem(s) in the input; nothing was written.", file=sys.stderr)
        return 2
    _print_problems(generated.warnings)
    if args.timings:
        print("casefile: timings " + " ".join(f"{stage}={seconds:.3f}s" for stage, seconds in generated.timings),
              file=sys.stderr)
    if args.strict and generated.warnings:
        print(f"casefile: {len(generated.warnings)} warning(s) and --strict; nothing was written.",
              file=sys.stderr)
        return 2
    if args.command == "check":
        recover(args.out)
        stale = stale_files(args.out, generated.files)
        if stale:
            for rel in stale:
                print(f"stale: {(args.out / rel).as_posix()}")
            print(f"casefile: {len(stale)} file(s) differ from what build writes — run `casefile build`",
                  file=sys.stderr)
            return 1
        print(f"casefile: {args.out.as_posix()} is up to date ({len(generated.files)} generated files)")
        return 0
    try:
        report = write_tree(args.out, generated.files)
    except (OutputError, OSError) as exc:
        print(f"casefile: {exc}", file=sys.stderr)
        return 2
    print(f"casefile: {len(report.written)} written, {len(report.removed)} removed, "
          f"{report.unchanged} unchanged in {args.out.as_posix()}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
