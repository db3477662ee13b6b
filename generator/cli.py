"""Command line: ``casefile build|check|diff|serve|eval|add`` — parses options, calls the library, reports.

Exit codes: 0 success; 1 ``check`` found stale files (or ``serve`` could not build the
site); 2 the input or output has problems (each printed as ``path:line: problem — how to fix``).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

from generator.commands.diff import CASE_PATH, DiffError, diff_markdown
from generator.commands.evaluate import GoldError, evaluate, load_gold, pick_case, score_lines, score_record
from generator.commands.serve import ServeOptions, serve
from generator.errors import InputError, OutputError, Problem
from generator.output.provenance import ProvenanceError
from generator.output.site import recover, stale_files, write_tree
from generator.output.store import FileStore, scratch_beside
from generator.pipeline import Generated, generate
from generator.pipeline.analyse import default_jobs
from generator.read.sources import printable


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
    help_text = "what changed in the case file between two git revisions (or two case.json files), as Markdown"
    command = sub.add_parser("diff", help=help_text, description=help_text)
    command.add_argument("base", metavar="BASE", help="git revision (main, HEAD~1, a commit) or a case.json file")
    command.add_argument("head", metavar="HEAD", nargs="?", default=None,
                         help="git revision or case.json file (default: the working tree's case.json)")
    command.add_argument("--repo", type=Path, default=Path("."), metavar="DIR",
                         help="git repository to read revisions from (default: the working directory)")
    command.add_argument("--case-path", default=CASE_PATH, metavar="PATH",
                         help=f"path of case.json inside the repository (default: {CASE_PATH})")
    help_text = "score a built case against gold annotations (the format of ../shared/devset/gold.json)"
    command = sub.add_parser("eval", help=help_text, description=help_text)
    command.add_argument("gold", type=Path, metavar="GOLD", help="gold annotations (JSON, one object per case)")
    command.add_argument("--case-json", type=Path, default=Path(CASE_PATH), metavar="FILE",
                         help=f"the built case's case.json (default: {CASE_PATH})")
    command.add_argument("--case", default=None, metavar="NAME",
                         help="the gold case to score (default: the one whose title is the case's)")
    command.add_argument("--json", action="store_true", help="print the score as JSON instead of Markdown")
    help_text = "build, then serve the site live: editing a seed regenerates the pages and reloads the browser"
    command = sub.add_parser("serve", help=help_text, description=help_text)
    command.add_argument("--seeds", type=Path, default=Path("seeds"), metavar="DIR",
                         help="folder of seed texts, sidecars and case.yml to watch (default: seeds)")
    command.add_argument("--out", type=Path, default=Path("docs_src"), metavar="DIR",
                         help="docs folder to regenerate (default: docs_src)")
    command.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"), metavar="FILE",
                         help="MkDocs configuration (default: mkdocs.yml)")
    command.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT",
                         help="address to serve on (default: 127.0.0.1:8000)")
    help_text = "add saved web pages, web addresses or texts to the seeds, each with a sidecar of its metadata"
    command = sub.add_parser("add", help=help_text, description=help_text + ". A source already in the case (the "
                             "same address or text) is not added again; a near copy is added and marked as one.")
    command.add_argument("sources", nargs="+", metavar="SOURCE",
                         help="a saved page (.html, .htm, .mhtml), an http(s) address, a .txt file, "
                              "or a folder of pages and texts")
    command.add_argument("--seeds", type=Path, default=Path("seeds"), metavar="DIR",
                         help="folder of seed texts to add to (default: seeds)")
    command.add_argument("--language", default=None, metavar="L",
                         help="language code of the sources (en, de, fr, nb …), over what the pages declare")
    command.add_argument("--outlet", default=None, metavar="NAME",
                         help="the outlet's name, over what the pages give")
    return parser


def _print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


class Terminated(BaseException):
    """SIGTERM arrived: unwind (so the site writer removes its staging copy) and exit."""


class _SigTerm:
    """SIGTERM handler that raises ``Terminated`` once, only while armed.

    A second signal, or one arriving while ``main`` is already unwinding or restoring the
    previous handler, must not raise again (that would print a traceback): it is recorded
    and ``main`` exits 143.
    """

    armed = False
    pending = False
    again: threading.Timer | None = None
    printer: Callable[[Any], object] = sys.unraisablehook

    @classmethod
    def handle(cls, signum: int, frame: object) -> None:
        cls.pending = True
        if cls.armed:
            cls.armed = False
            raise Terminated()

    @classmethod
    def unraisable(cls, unraisable: Any) -> None:
        """``sys.unraisablehook`` during a run. ``Terminated`` or ``KeyboardInterrupt`` raised
        where Python can only print an exception (a finalizer, a hook run at a fork) would
        print a traceback and be lost: print nothing and deliver the signal again a moment
        later, in ordinary code."""
        if isinstance(unraisable.exc_value, Terminated):
            cls.armed, signum = True, signal.SIGTERM
        elif isinstance(unraisable.exc_value, KeyboardInterrupt):
            signum = signal.SIGINT
        else:
            cls.printer(unraisable)
            return
        cls.again = threading.Timer(0.05, os.kill, (os.getpid(), signum))
        cls.again.daemon = True
        cls.again.start()


def run() -> NoReturn:
    """The ``casefile`` command (and ``python -m generator``): :func:`main`, then leave at once.

    Everything a command writes is written and closed, and its scratch folder removed, when
    ``main`` returns; tearing the interpreter down after that (freeing the word tables and caches
    a build loads, millions of objects) took half a second more at 1,000 sources."""
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code.

    Exit codes: 0 done; 1 ``check`` found stale files; 2 problems in the input or output,
    or a passage that does not match its source; 3 an internal error (a bug: the message
    says so; ``CASEFILE_DEBUG=1`` shows the traceback); 130/143 interrupted or terminated,
    with the docs folder left as it was.
    """
    args = _parser().parse_args(argv)
    if args.command == "diff":
        try:
            print(diff_markdown(args.base, args.head, args.repo, args.case_path), end="")
        except DiffError as exc:
            print(exc, file=sys.stderr)
            return 2
        return 0
    if args.command == "eval":
        return _eval(args)
    if args.command == "add":
        return _add(args)
    if args.command == "serve":
        return serve(ServeOptions(args.seeds, args.out, args.config_file, args.dev_addr,
                                  cache_dir=args.seeds.absolute().parent / ".cache" / "casefile"))
    in_main_thread = threading.current_thread() is threading.main_thread()
    _SigTerm.armed, _SigTerm.pending = in_main_thread, False
    previous = signal.signal(signal.SIGTERM, _SigTerm.handle) if in_main_thread else None
    if in_main_thread:
        _SigTerm.printer, sys.unraisablehook = sys.unraisablehook, _SigTerm.unraisable
    try:
        code = _run(args)
    except KeyboardInterrupt:
        print(f"casefile: interrupted; {args.out.as_posix()} was left as it was.", file=sys.stderr)
        return 130
    except Terminated:
        print(f"casefile: terminated; {args.out.as_posix()} was left as it was.", file=sys.stderr)
        return 143
    except Exception as exc:
        return _internal_error(exc, "nothing was written", "the seeds")
    finally:
        _SigTerm.armed = False
        if in_main_thread:
            if _SigTerm.again is not None:
                _SigTerm.again.cancel()
                _SigTerm.again = None
            sys.unraisablehook = _SigTerm.printer
            signal.signal(signal.SIGTERM, previous)
    if _SigTerm.pending:
        # The signal came after the new docs were in place (or while unwinding): the folder is
        # whole, the run was asked to stop, so report it as terminated.
        print(f"casefile: terminated; {args.out.as_posix()} is complete.", file=sys.stderr)
        return 143
    return code


def _internal_error(exc: Exception, state: str, culprit: str) -> int:
    """A bug, reported in one line (``CASEFILE_DEBUG=1`` raises it again, with its traceback): exit 3."""
    if os.environ.get("CASEFILE_DEBUG"):
        raise exc
    print(f"casefile: internal error ({type(exc).__name__}: {exc}); {state}. This is a bug in casefile — please "
          f"report it with {culprit} that caused it (CASEFILE_DEBUG=1 shows the traceback).", file=sys.stderr)
    return 3


def _eval(args: argparse.Namespace) -> int:
    """Score a built case against gold; the report goes to stdout, problems to stderr (exit 2)."""
    try:
        case = json.loads(args.case_json.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        print(f"{args.case_json}: cannot read the case ({exc}) — build it first (casefile build --out DIR) and "
              "give DIR/data/case.json", file=sys.stderr)
        return 2
    try:
        gold = load_gold(args.gold)
        name = pick_case(gold, case, args.case, args.gold)
        score = evaluate(case, gold[name], name)
    except GoldError as exc:
        print(exc, file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(score_record(score), indent=2, ensure_ascii=False))
    else:
        print("\n".join(score_lines(score, case)))
    return 0


def _add(args: argparse.Namespace) -> int:
    """Add the sources; each one's line as it is done (problems to stderr), then a summary.
    Exit 2 when a source could not be added (the others are), else 0."""
    # imported here: the article readers (trafilatura, lxml) are a third of the command's start
    from generator.commands.add import AddOptions, add_sources, retrieved_on, summary
    from generator.ingest.metadata import clean_language

    language = None
    if args.language is not None:
        language = clean_language(args.language)
        if language is None:
            print(f"casefile: --language '{printable(args.language)}' is not a language code — give one such as "
                  "en, nb, de or fr", file=sys.stderr)
            return 2
    try:
        retrieved = retrieved_on(os.environ)
    except (ValueError, OverflowError, OSError):
        print("casefile: SOURCE_DATE_EPOCH is not a number of seconds — unset it, or give the seconds since "
              "1970-01-01 UTC", file=sys.stderr)
        return 2
    outcomes = []
    try:
        for outcome in add_sources(args.sources, AddOptions(args.seeds, retrieved, language, args.outlet)):
            outcomes.append(outcome)
            print(outcome.line, file=sys.stderr if outcome.status == "failed" else sys.stdout, flush=True)
    except KeyboardInterrupt:
        print(f"casefile: interrupted; {len(outcomes)} source(s) done, each seed added is whole.", file=sys.stderr)
        return 130
    except Exception as exc:
        return _internal_error(exc, "the seeds added before it are whole", "the source")
    print(summary(outcomes))
    return 2 if any(o.status == "failed" for o in outcomes) else 0


def _run(args: argparse.Namespace) -> int:
    """Generate, then check or write; the file store is closed here, not when it is
    garbage-collected: a signal's exception raised inside a finalizer is only printed."""
    try:
        jobs = args.jobs if args.jobs and args.jobs > 0 else default_jobs()
        cache_dir = None if args.no_cache else args.seeds.absolute().parent / ".cache" / "casefile"
        generated = generate(args.seeds, jobs=jobs, cache_dir=cache_dir, scratch=scratch_beside(args.out))
    except InputError as exc:
        _print_problems(exc.problems)
        errors = sum(1 for p in exc.problems if not p.warning)
        print(f"casefile: {errors} problem(s) in the input; nothing was written.", file=sys.stderr)
        return 2
    except ProvenanceError as exc:
        _print_problems(exc.problems)
        print(f"casefile: {len(exc.problems)} passage(s) do not match their sources; nothing was written.",
              file=sys.stderr)
        return 2
    try:
        return _use(args, generated)
    finally:
        if isinstance(generated.files, FileStore):
            generated.files.close()


def _use(args: argparse.Namespace, generated: Generated) -> int:
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
    _SigTerm.armed = False  # the new docs are in place: a signal from here on only sets the exit code
    print(f"casefile: {len(report.written)} written, {len(report.removed)} removed, "
          f"{report.unchanged} unchanged in {args.out.as_posix()}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
