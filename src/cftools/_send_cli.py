"""``cftools send calls|texts FILE ...``: a campaign from a CSV or JSON Lines file.

It lives outside :mod:`cftools.campaigns` so that building the command line does not
import the client (and httpx): every import here that needs them is made when the
command runs.

Exit status: 0 every recipient sent (invalid rows skipped with ``--skip-invalid``
aside), 1 invalid recipients (nothing sent), failed batches or an API error, 2 bad usage,
an unreadable input or a journal that does not fit, 130 interrupted (the message says
how to resume). The report goes to standard output as JSON (or to ``--report FILE``);
progress and messages go to standard error. Credentials come from
``CALLFIRE_USERNAME`` and ``CALLFIRE_PASSWORD`` and are never printed.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import time
from typing import TYPE_CHECKING, Any

from cftools._errors import CftoolsError

if TYPE_CHECKING:  # the client (and httpx) load only when the command runs
    from cftools.campaigns._engine import Broadcast
    from cftools.campaigns._report import Progress, Report

__all__ = ["BASE_URL_HELP", "base_url_default", "register", "run"]

BASE_URL_HELP = "the API root (default: $CALLFIRE_BASE_URL, else CallFire's)"

_VOICES = ("MALE1", "FEMALE1", "FEMALE2", "SPANISH1", "FRENCHCANADIAN1")


def base_url_default(given: str | None) -> str:
    """``--base-url``, else ``CALLFIRE_BASE_URL``, else CallFire's own API root."""
    from cftools.client import DEFAULT_BASE_URL

    return given or os.environ.get("CALLFIRE_BASE_URL") or DEFAULT_BASE_URL


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add the ``send`` sub-command to ``subparsers``."""
    parser = subparsers.add_parser(
        "send",
        help="send a call or text broadcast to every recipient of a file, exactly once",
        description=(
            "Add the recipients of FILE (CSV with a phone number column, other columns "
            "becoming attributes; or JSON Lines) to a new or existing broadcast in named "
            "batches, exactly once, as fast as CallFire allows, then start it. A journal "
            "records every batch: an interrupted job continues with --resume."
        ),
    )
    kinds = parser.add_subparsers(dest="kind", metavar="KIND", required=True)
    for kind, help_text in (("calls", "a voice broadcast"), ("texts", "a text broadcast")):
        sub = kinds.add_parser(kind, help=help_text, description=parser.description)
        _arguments(sub, kind)
        sub.set_defaults(handler=run)


def _arguments(parser: argparse.ArgumentParser, kind: str) -> None:
    parser.add_argument("file", metavar="FILE", help="recipients: CSV or JSON Lines")
    what = parser.add_argument_group("the broadcast")
    what.add_argument("--from", dest="from_number", metavar="NUMBER", help="the caller id")
    if kind == "calls":
        content = what.add_mutually_exclusive_group()
        content.add_argument("--message", metavar="TEXT", help="text spoken to each recipient")
        content.add_argument("--dialplan", metavar="FILE", help="an IVR dialplan XML file")
        what.add_argument("--voice", choices=_VOICES, help="the voice reading --message")
    else:
        what.add_argument("--message", metavar="TEXT", help="the text message")
    what.add_argument("--name", metavar="NAME", help="the new broadcast's name")
    what.add_argument(
        "--broadcast-id", type=int, metavar="ID", help="fill this existing broadcast instead"
    )
    how = parser.add_argument_group("the job")
    how.add_argument("--journal", metavar="FILE", help="the journal (default: FILE.journal)")
    how.add_argument("--resume", action="store_true", help="continue the job of --journal")
    how.add_argument("--skip-invalid", action="store_true", help="skip invalid rows, listed")
    how.add_argument("--dry-run", action="store_true", help="check and plan; send nothing")
    how.add_argument("--no-start", action="store_true", help="add the batches, do not start")
    how.add_argument("--concurrency", type=_positive, default=4, metavar="N")
    how.add_argument("--batch-size", type=_positive, default=500, metavar="N")
    how.add_argument("--rate", type=float, default=5.0, metavar="R", help="initial pace, req/s")
    how.add_argument("--max-rate", type=float, metavar="R", help="never faster than R req/s")
    how.add_argument("--format", choices=("csv", "jsonl"), help="FILE's format (default: guessed)")
    how.add_argument("--report", metavar="FILE", help="write the JSON report here, not stdout")
    how.add_argument("--base-url", metavar="URL", help=BASE_URL_HELP)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return value


def _broadcast(args: argparse.Namespace) -> Broadcast:
    """The broadcast the arguments describe (raises ``ValueError`` on bad usage)."""
    from cftools.campaigns._engine import Broadcast

    kind = args.kind
    content = args.message is not None or getattr(args, "dialplan", None) is not None
    if args.broadcast_id is not None:
        if content or args.from_number or args.name:
            raise ValueError("--broadcast-id fills an existing broadcast: drop --message etc.")
        return Broadcast.existing(kind, args.broadcast_id)
    body: dict[str, Any] = {}
    if args.from_number:
        body["fromNumber"] = args.from_number
    if kind == "texts":
        if args.message is None:
            raise ValueError("a text broadcast needs --message (or --broadcast-id)")
        body["message"] = args.message
        return Broadcast.texts(body)
    if not args.from_number:
        raise ValueError("a call broadcast needs --from NUMBER")
    if args.dialplan is not None:
        try:
            with open(args.dialplan, encoding="utf-8") as handle:
                body["dialplanXml"] = handle.read()
        except (OSError, UnicodeDecodeError) as exc:
            raise ValueError(f"cannot read --dialplan {args.dialplan}: {exc}") from None
    elif args.message is not None:
        sounds = {"liveSoundText": args.message, "machineSoundText": args.message}
        if args.voice:
            sounds |= {"liveSoundTextVoice": args.voice, "machineSoundTextVoice": args.voice}
        body["sounds"] = sounds
        body["answeringMachineConfig"] = "AM_AND_LIVE"
    else:
        raise ValueError("a call broadcast needs --message TEXT or --dialplan FILE")
    return Broadcast.calls(body)


class _Reporter:
    """Progress on standard error: a rich bar on a terminal, plain lines otherwise."""

    def __init__(self) -> None:
        self._bar: Any = None
        self._task: Any = None
        self._last = 0.0
        if sys.stderr.isatty():
            try:
                from rich.progress import (
                    BarColumn,
                    MofNCompleteColumn,
                    TextColumn,
                    TimeRemainingColumn,
                )
                from rich.progress import Progress as Bar
            except ImportError:  # the optional extra cftools[progress] is not installed
                return
            self._bar = Bar(
                TextColumn("sending"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]:.1f} req/s"),
                TimeRemainingColumn(),
                transient=False,
            )

    def __call__(self, progress: Progress) -> None:
        done = progress.sent + progress.failed
        if self._bar is not None:
            if self._task is None:
                self._bar.start()
                self._task = self._bar.add_task("send", total=progress.total, rate=0.0)
            self._bar.update(self._task, completed=done, rate=progress.rate)
            return
        now = time.monotonic()
        if now - self._last < 1.0 and progress.batches_done < progress.batches_total:
            return
        self._last = now
        share = 100.0 * done / progress.total if progress.total else 100.0
        print(
            f"cftools send: {done}/{progress.total} recipients ({share:.0f}%), "
            f"{progress.batches_done}/{progress.batches_total} batches, "
            f"{progress.rate:.1f} req/s, {progress.elapsed:.0f}s",
            file=sys.stderr,
            flush=True,
        )

    def close(self) -> None:
        if self._bar is not None and self._task is not None:
            self._bar.stop()


def run(args: argparse.Namespace) -> int:
    """Run ``cftools send``; return the exit status."""
    from cftools.campaigns._engine import send
    from cftools.campaigns._errors import CampaignAborted, InvalidRecipientsError
    from cftools.campaigns._input import read_recipients
    from cftools.client import ApiError, Client, TransportError

    try:
        broadcast = _broadcast(args)
    except ValueError as exc:
        print(f"cftools send: {exc}", file=sys.stderr)
        return 2
    journal = args.journal or f"{args.file}.journal"
    reporter = _Reporter()
    try:
        recipients = read_recipients(args.file, format=args.format)
        client = None
        if not args.dry_run:
            client = Client(base_url=base_url_default(args.base_url), max_retries=0)
        try:
            report = send(
                client, broadcast, recipients, journal=journal, resume=args.resume,
                name=args.name, batch_size=args.batch_size, concurrency=args.concurrency,
                skip_invalid=args.skip_invalid, start=not args.no_start,
                dry_run=args.dry_run, rate=args.rate, max_rate=args.max_rate,
                progress=reporter,
            )  # fmt: skip
        finally:
            reporter.close()
            if client is not None:
                client.close()
    except KeyboardInterrupt:
        reporter.close()
        print(f"\ncftools send: interrupted. Resume with:\n  {_resume_command(journal)}",
              file=sys.stderr)  # fmt: skip
        return 130
    except InvalidRecipientsError as exc:
        print(f"cftools send: {exc}", file=sys.stderr)
        return 1
    except CampaignAborted as exc:
        print(f"cftools send: stopped: {exc}", file=sys.stderr)
        _write_report(exc.report, args.report)
        return 1
    except (ApiError, TransportError) as exc:
        print(f"cftools send: {exc}", file=sys.stderr)
        return 1
    except CftoolsError as exc:
        print(f"cftools send: {exc}", file=sys.stderr)
        return 2
    _write_report(report, args.report)
    _summary(report, journal)
    return 0 if report.ok else 1


def _resume_command(journal: str) -> str:
    argv = ["cftools", *sys.argv[1:]] if sys.argv[1:2] == ["send"] else ["cftools", "send", "..."]
    if "--resume" not in argv:
        argv.append("--resume")
    if not any(a == "--journal" or a.startswith("--journal=") for a in argv):
        argv += ["--journal", journal]
    return shlex.join(argv)


def _write_report(report: Report, path: str | None) -> None:
    text = report.to_json()
    if path is None:
        print(text)
        return
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(text + "\n")


def _summary(report: Report, journal: str) -> None:
    if report.dry_run:
        print(
            f"cftools send: dry run: {report.rows - report.skipped_count} recipients in "
            f"{report.batches} batches would be sent; {report.skipped_count} rows skipped",
            file=sys.stderr,
        )
        return
    line = (
        f"cftools send: {report.sent} recipients in broadcast {report.broadcast_id} "
        f"({report.sent_now} sent now), {report.skipped_count} skipped, "
        f"{sum(f.recipients for f in report.failed)} failed"
    )
    if report.failed:
        line += f"; fix and resume with --resume --journal {shlex.quote(journal)}"
    elif report.started:
        line += "; started"
    print(line, file=sys.stderr)
