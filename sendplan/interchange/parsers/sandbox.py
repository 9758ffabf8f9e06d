"""Running a parse in a child process, so input that takes too long can be stopped.

A pathological document can keep a parser busy for minutes or eat memory; the web worker
must not go with it. The child gets a memory ceiling and the parent kills it at the time
limit. Children are forked from a "forkserver": a clean interpreter started once, which has
already imported the parsers (half a second saved on every read, which matters when a person
corrects a column and waits for the plan to be read again). It shares nothing with the web
worker, so this is as safe as "spawn" even if the parent runs threads; where there is no
forkserver (Windows), "spawn" is used.
"""

from __future__ import annotations

import functools
import logging
import multiprocessing
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from sendplan.interchange.parsers.errors import ParseError, ParseResult

logger = logging.getLogger(__name__)

MEMORY_LIMIT = 2 * 1024 * 1024 * 1024


def _limit_memory() -> None:
    try:
        import resource
    except ImportError:  # not on Windows; the time limit still applies there
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    ceiling = MEMORY_LIMIT if hard == resource.RLIM_INFINITY else min(MEMORY_LIMIT, hard)
    if soft == resource.RLIM_INFINITY or soft > ceiling:
        resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))


def _child(sender: Connection, task: Callable[..., ParseResult], args: tuple[Any, ...]) -> None:
    _limit_memory()
    try:
        result = task(*args)
        sender.send(("ok", result))
    except ParseError as error:
        sender.send(("error", str(error)))
    except MemoryError:
        sender.send(("error", "The plan needs more memory to read than we allow."))
    except Exception:
        logger.exception("Parsing with %s failed", getattr(task, "__name__", task))
        sender.send(("error", _UNEXPECTED))
    finally:
        sender.close()


_UNEXPECTED = (
    "We could not read this file. It may be damaged, or laid out in a way we do not "
    "recognise. Try saving it again, or paste the plan's text instead."
)


# The PDF reader too: the web process loads PDFium and pdfplumber only when it reads a PDF
# itself, but a child forked from the server would load them on every PDF it reads (0.2 s).
_PRELOAD = ["sendplan.interchange.parsers", "sendplan.interchange.parsers.readers.pdf_reader"]


@functools.cache
def _context() -> Any:
    """The forkserver context, with the parsers loaded in its server; else "spawn"."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(_PRELOAD)
    return context


def run(task: Callable[..., ParseResult], *args: Any, timeout: float) -> ParseResult:
    """task(*args) in a child process; `task` must be a module-level function, so that the
    child can import it."""
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, task, args), daemon=True)
    process.start()
    sender.close()
    try:
        if not receiver.poll(timeout):
            raise ParseError(
                f"Reading the plan took too long (more than {timeout:g} seconds), so we "
                "stopped. Try a smaller file, or split the plan into parts."
            )
        try:
            outcome: tuple[str, Any] = receiver.recv()
        except EOFError as error:
            raise ParseError(_UNEXPECTED) from error
    finally:
        receiver.close()
        _stop(process)
    status, payload = outcome
    if status == "error":
        raise ParseError(payload)
    result: ParseResult = payload
    return result


def _stop(process: multiprocessing.process.BaseProcess) -> None:
    process.join(timeout=1)
    if process.is_alive():
        process.kill()
        process.join(timeout=5)
