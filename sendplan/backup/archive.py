"""The backup file: one zip holding `manifest.json`, the rows of each model as Django's JSON
Lines under `data/`, and the files those rows point to under `files/`.

The manifest names every other member with its size and SHA-256 checksum, so a restore can
tell a damaged or altered file before it touches the database. The checksums are not a
signature: someone able to rewrite the manifest as well could pass off a changed backup, so
a backup is kept as safely as the database itself (it holds password hashes).
"""

from __future__ import annotations

import hashlib
import io
import json
import time
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

FORMAT = "sendplan.backup/1"
MANIFEST = "manifest.json"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why, in plain words."""


class _Hashing(io.RawIOBase):
    """Passes bytes on to a zip member, counting and hashing them on the way."""

    def __init__(self, target: IO[bytes]) -> None:
        self.target = target
        self.sha256 = hashlib.sha256()
        self.size = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.sha256.update(data)
        self.size += len(data)
        self.target.write(data)
        return len(data)


class ArchiveWriter:
    """Writes members one at a time, streaming, and the manifest last."""

    def __init__(self, path: Path) -> None:
        self.zip = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        self.members: dict[str, dict[str, Any]] = {}

    def __enter__(self) -> ArchiveWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.zip.close()

    @contextmanager
    def text(self, name: str) -> Iterator[IO[str]]:
        """A UTF-8 text member, written through a buffer (serialisers write in small pieces)."""
        with self.zip.open(self._info(name), "w", force_zip64=True) as target:
            hashing = _Hashing(target)
            text = io.TextIOWrapper(
                io.BufferedWriter(hashing, CHUNK), encoding="utf-8", newline="\n"
            )
            yield text
            text.flush()
            text.detach()
        self._record(name, hashing)

    def copy(self, name: str, source: IO[bytes]) -> None:
        with self.zip.open(self._info(name), "w", force_zip64=True) as target:
            hashing = _Hashing(target)
            while chunk := source.read(CHUNK):
                hashing.write(chunk)
        self._record(name, hashing)

    def _info(self, name: str) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
        info.compress_type = zipfile.ZIP_DEFLATED
        return info

    def _record(self, name: str, hashing: _Hashing) -> None:
        self.members[name] = {"size": hashing.size, "sha256": hashing.sha256.hexdigest()}

    def finish(self, manifest: dict[str, Any]) -> None:
        content = json.dumps(manifest, indent=2, ensure_ascii=False).encode()
        self.zip.writestr(self._info(MANIFEST), content)


class ArchiveReader:
    """Opens a backup, reads its manifest, and checks members against their checksums."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self.zip = zipfile.ZipFile(path)
        except FileNotFoundError as error:
            raise BackupError(f"There is no file {path}.") from error
        except (zipfile.BadZipFile, OSError) as error:
            raise BackupError(
                f"{path} is not a sendplan backup, or it is damaged: it is not a zip file."
            ) from error
        try:
            raw = self.zip.read(MANIFEST)
        except KeyError as error:
            raise BackupError(f"{path} is not a sendplan backup: it has no manifest.") from error
        except (zipfile.BadZipFile, OSError, zlib.error) as error:
            raise self.damaged(MANIFEST) from error
        try:
            self.manifest = json.loads(raw)
            found = self.manifest["format"]
        except (ValueError, TypeError, KeyError) as error:
            raise self.damaged(MANIFEST) from error
        if found != FORMAT:
            raise BackupError(
                f"{path} is a backup in a format this version of sendplan cannot read "
                f"({found}; this version reads {FORMAT})."
            )
        listed = set(self.members())
        extra = sorted(set(self.zip.namelist()) - listed - {MANIFEST})
        if extra:
            raise BackupError(
                f"{path} holds files its manifest does not list ({', '.join(extra[:3])}), "
                "so it may have been altered. It was not restored."
            )

    def close(self) -> None:
        self.zip.close()

    def damaged(self, name: str) -> BackupError:
        return BackupError(
            f"{self.path} is damaged or has been altered ({name} does not match the checksum "
            "the backup recorded for it). Nothing was restored."
        )

    def members(self) -> dict[str, dict[str, Any]]:
        """Every member the manifest lists, with its size and checksum."""
        try:
            return {
                str(entry["member"]): entry
                for entry in [*self.manifest["data"], *self.manifest["files"]]
            }
        except (TypeError, KeyError) as error:
            raise self.damaged(MANIFEST) from error

    def verify(self, name: str, target: IO[bytes] | None = None) -> None:
        """Read a member through, copying it to target if given, and check its checksum."""
        entry = self.members()[name]
        sha256, size = hashlib.sha256(), 0
        try:
            with self.zip.open(name) as source:
                while chunk := source.read(CHUNK):
                    sha256.update(chunk)
                    size += len(chunk)
                    if target is not None:
                        target.write(chunk)
        except (KeyError, zipfile.BadZipFile, OSError, EOFError, zlib.error) as error:
            raise self.damaged(name) from error
        if sha256.hexdigest() != entry.get("sha256") or size != entry.get("size"):
            raise self.damaged(name)

    def lines(self, name: str) -> Iterator[str]:
        with self.zip.open(name) as source:
            yield from io.TextIOWrapper(source, encoding="utf-8", newline="\n")
