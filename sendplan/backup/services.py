"""Backing up the whole site into one file, and restoring it into an empty database.

Every model of every installed app is carried, found in the app registry rather than listed,
so a model added later is carried without a change here. Rows keep their primary keys: pages
and links name rows by id, and the audit trail refers to rows by plain ids. A few kinds are not
carried (NOT_CARRIED). Content types and permissions are made by `migrate` itself, so a
restore matches them to the ones already there by what they name, not by id (MERGED).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import IO, Any

import django
from django.apps import apps as global_apps
from django.apps.registry import Apps
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.exceptions import FieldDoesNotExist, SuspiciousFileOperation, ValidationError
from django.core.management.color import no_style
from django.core.management.sql import emit_post_migrate_signal
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, models, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.graph import MigrationGraph
from django.utils import timezone

from sendplan.backup.archive import FORMAT, ArchiveReader, ArchiveWriter, BackupError

# Kept out of a backup, by app: neither is the site's content, and both start afresh.
NOT_CARRIED = {
    "sessions": "sign-ins in progress (everyone signs in again after a restore)",
    "axes": "failed sign-in counts and lockouts",
    "reports": "documents kept for download, made again from the plan when next asked for",
    "django_tasks_db": "the background worker's queue of tasks, waiting and done",
}
# Rows that `migrate` creates, matched on restore by these fields instead of by id.
MERGED = {
    "contenttypes.contenttype": ("app_label", "model"),
    "auth.permission": ("content_type_id", "codename"),
}
BATCH = 1000

Node = tuple[str, str]


@dataclass
class BackupSummary:
    rows: int
    kinds: int
    files: int
    size: int
    missing_files: list[str]


@dataclass
class RestoreSummary:
    rows: int
    kinds: int
    files: int
    made_at: str
    made_by: str
    # Migrations of this version the backup was made before, run after loading it.
    migrated: list[str] = field(default_factory=list)
    missing_files: list[str] = field(default_factory=list)


class _ExactEncoder(DjangoJSONEncoder):
    """Django's encoder cuts times to the millisecond; a backup keeps every microsecond."""

    def default(self, o: Any) -> Any:
        if isinstance(o, dt.datetime | dt.time):
            return o.isoformat()
        return super().default(o)


def carried_models(registry: Apps = global_apps) -> list[type[models.Model]]:
    """Every model with rows of its own, each after the models it refers to."""
    wanted = {
        model._meta.label_lower: model
        for model in registry.get_models()
        if model._meta.managed
        and not model._meta.proxy
        and model._meta.app_label not in NOT_CARRIED
    }
    ordered: list[type[models.Model]] = []
    seen: set[str] = set()

    def visit(model: type[models.Model]) -> None:
        seen.add(model._meta.label_lower)
        for relation in [*model._meta.local_fields, *model._meta.local_many_to_many]:
            related: Any = relation.remote_field.model if relation.remote_field else None
            if related is not None:
                target = related._meta.concrete_model._meta.label_lower
                if target in wanted and target not in seen:
                    visit(wanted[target])
        ordered.append(model)

    for label, model in wanted.items():
        if label not in seen:
            visit(model)
    return ordered


def _file_fields(model: type[models.Model]) -> list[models.FileField]:
    return [f for f in model._meta.local_concrete_fields if isinstance(f, models.FileField)]


def _sendplan_version() -> str:
    try:
        return version("sendplan")
    except PackageNotFoundError:
        return "unknown"


def _applied_migrations(alias: str) -> dict[str, list[str]]:
    executor = MigrationExecutor(connections[alias])
    waiting = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if waiting:
        names = ", ".join(f"{m.app_label} {m.name}" for m, _ in waiting[:3])
        raise BackupError(
            f"The database is missing migrations of this version of sendplan ({names}). "
            "Run sendplan migrate first."
        )
    state: dict[str, list[str]] = {}
    for app, name in sorted(executor.loader.applied_migrations):
        state.setdefault(app, []).append(name)
    return state


# Backing up


def backup_write(*, out: Path, using: str = DEFAULT_DB_ALIAS) -> BackupSummary:
    """Write every carried row and every file they point to into one file, from one
    consistent view of the database. The file appears only once it is complete."""
    migrations = _applied_migrations(using)
    connection = connections[using]
    partial = out.with_name(out.name + ".partial")
    rows, files = 0, 0
    missing: list[str] = []
    data: list[dict[str, Any]] = []
    stored: list[dict[str, Any]] = []
    if not out.parent.is_dir():
        raise BackupError(f"There is no folder {out.parent} to write the backup in.")
    try:
        with ArchiveWriter(partial) as archive:
            outer = connection.in_atomic_block
            with transaction.atomic(using=using):
                if not outer and connection.vendor == "postgresql":
                    # One snapshot for every table, while the site goes on being used.
                    with connection.cursor() as cursor:
                        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                for model in carried_models():
                    label = model._meta.label_lower
                    member = f"data/{label}.jsonl"
                    with archive.text(member) as stream:
                        count = _serialise(model, stream, using)
                    data.append({"member": member, "model": label, "rows": count})
                    rows += count
                    files += _copy_files(archive, model, using, stored, missing)
            for entry in [*data, *stored]:
                entry.update(archive.members[entry["member"]])
            archive.finish(
                {
                    "format": FORMAT,
                    "sendplan": _sendplan_version(),
                    "django": django.get_version(),
                    "database": connection.vendor,
                    "created_at": timezone.now().isoformat(),
                    "migrations": migrations,
                    "not_carried": NOT_CARRIED,
                    "data": data,
                    "files": stored,
                    "missing_files": missing,
                }
            )
        os.replace(partial, out)
    finally:
        partial.unlink(missing_ok=True)
    return BackupSummary(
        rows=rows, kinds=len(data), files=files, size=out.stat().st_size, missing_files=missing
    )


def _copy_files(
    archive: ArchiveWriter,
    model: type[models.Model],
    using: str,
    stored: list[dict[str, Any]],
    missing: list[str],
) -> int:
    """Copy the files a model's rows point to; a file gone from the disk is noted, not fatal."""
    label = model._meta.label_lower
    copied = 0
    for file_field in _file_fields(model):
        for name in _stored_names(model, file_field, using):
            where = f"{label}.{file_field.name}"
            member = f"files/{where}/{name}"
            try:
                with file_field.storage.open(name, "rb") as source:
                    archive.copy(member, source)
            except FileNotFoundError:
                missing.append(f"{name} ({where})")
                continue
            stored.append(
                {"member": member, "model": label, "field": file_field.name, "name": name}
            )
            copied += 1
    return copied


def _serialise(model: type[models.Model], stream: IO[str], using: str) -> int:
    queryset = model._base_manager.using(using).order_by("pk")
    many = [
        f.name
        for f in model._meta.local_many_to_many
        if f.remote_field.through._meta.auto_created  # type: ignore[union-attr]
    ]
    if many:
        queryset = queryset.prefetch_related(*many)
    serializers.serialize(
        "jsonl", queryset.iterator(chunk_size=2000), stream=stream, cls=_ExactEncoder
    )
    return queryset.count()


def _stored_names(model: type[models.Model], file_field: models.FileField, using: str) -> list[str]:
    names = (
        model._base_manager.using(using)
        .exclude(**{f"{file_field.attname}__isnull": True})
        .exclude(**{file_field.attname: ""})
        .order_by(file_field.attname)
        .values_list(file_field.attname, flat=True)
        .distinct()
    )
    return [str(name) for name in names]


# Restoring


def backup_restore(*, source: Path, using: str = DEFAULT_DB_ALIAS) -> RestoreSummary:
    """Bring back a backup into an empty database, all of it or nothing.

    The database is first brought to the backup's migrations (migrating an empty database is
    free), the rows are loaded in one transaction with the files moved into place at its end,
    and the database is then migrated to this version. A restore adds nothing to the audit
    trail: the trail comes back as it was, so the restored site shows what the old one did.
    """
    archive = ArchiveReader(source)
    try:
        return _restore(archive, using)
    finally:
        archive.close()


def _restore(archive: ArchiveReader, using: str) -> RestoreSummary:
    manifest = archive.manifest
    connection = connections[using]
    executor = MigrationExecutor(connection)
    graph = executor.loader.graph
    backup_nodes = _backup_nodes(archive)
    unknown = sorted(backup_nodes - set(executor.loader.disk_migrations))
    if unknown:
        names = ", ".join(f"{app} {name}" for app, name in unknown[:3])
        raise BackupError(
            f"{archive.path} was made by a newer version of sendplan: it records migrations "
            f"this version does not have ({names}). Restore it with that version or a later one."
        )
    backup_state = backup_nodes & set(graph.nodes)
    at_current = backup_state == set(graph.nodes)
    targets = _targets(graph, backup_state)
    registry = (
        global_apps
        if at_current
        else executor.loader.project_state([(a, n) for a, n in targets if n is not None]).apps
    )
    entries = _data_entries(archive, registry)
    for entry in entries:
        archive.verify(entry["member"])
    places = _places(archive, registry)
    _check_empty(using)
    staging: list[Path] = []
    migrated: list[str] = []
    caught_up: list[str] = []
    try:
        _stage(archive, places, staging)
        # An empty database can move to any migration cheaply; forwards first, as a plan
        # may not go both ways at once.
        migrated += _migrate(using, graph.leaf_nodes())
        if not at_current:
            migrated += _migrate(using, targets)
        rows = _load(archive, entries, registry, places, using)
    finally:
        for folder in staging:
            shutil.rmtree(folder, ignore_errors=True)
        if not at_current:
            # After a failure too, so the database is left as it was: empty and up to date.
            caught_up = _migrate(using, graph.leaf_nodes())
        if migrated or caught_up:
            emit_post_migrate_signal(0, False, using)
        ContentType.objects.clear_cache()
    return RestoreSummary(
        rows=rows,
        kinds=len(entries),
        files=len(places),
        made_at=str(manifest.get("created_at", "")),
        made_by=f"sendplan {manifest.get('sendplan', 'unknown')}",
        migrated=caught_up,
        missing_files=[str(name) for name in manifest.get("missing_files", [])],
    )


def _backup_nodes(archive: ArchiveReader) -> set[Node]:
    try:
        return {
            (str(app), str(name))
            for app, names in archive.manifest["migrations"].items()
            for name in names
        }
    except (AttributeError, KeyError, TypeError) as error:
        raise archive.damaged("manifest.json") from error


def _check_empty(using: str) -> None:
    connection = connections[using]
    tables = set(connection.introspection.table_names())
    holding = [
        model._meta.verbose_name_plural
        for model in carried_models()
        if model._meta.label_lower not in MERGED
        and model._meta.db_table in tables
        and model._base_manager.using(using).exists()
    ]
    if holding:
        raise BackupError(
            f"The database is not empty (it already has {', '.join(map(str, holding[:3]))}), "
            "so nothing was restored. Restore into a new, empty database: create one, point "
            "DATABASE_URL at it, and run sendplan restore again."
        )


def _targets(graph: MigrationGraph, state: set[Node]) -> list[tuple[str, str | None]]:
    """The migration to stop at in each app to reach the backup's state."""
    targets: list[tuple[str, str | None]] = []
    for app in sorted({app for app, _ in graph.nodes}):
        own = sorted(node for node in state if node[0] == app)
        if not own:
            targets.append((app, None))
        for node in own:
            children = graph.node_map[node].children
            if not any(child in state for child in children if child[0] == app):
                targets.append(node)
    return targets


def _migrate(using: str, targets: list[Any]) -> list[str]:
    executor = MigrationExecutor(connections[using])
    plan = executor.migration_plan(targets)
    if not plan:
        return []
    try:
        executor.migrate(targets, plan=plan)
    except Exception as error:
        raise BackupError(
            f"The empty database could not be migrated to match the backup: {error}"
        ) from error
    return [
        f"{'unapplied' if backwards else 'applied'} {m.app_label} {m.name}" for m, backwards in plan
    ]


def _data_entries(archive: ArchiveReader, registry: Apps) -> list[dict[str, Any]]:
    entries = archive.manifest.get("data")
    if not isinstance(entries, list):
        raise archive.damaged("manifest.json")
    for entry in entries:
        try:
            registry.get_model(entry["model"])
        except (LookupError, ValueError, KeyError, TypeError) as error:
            raise BackupError(
                f"{archive.path} holds rows of {entry.get('model')}, which its own migrations do "
                "not define, so it may have been altered. Nothing was restored."
            ) from error
    return entries


@dataclass
class _Placed:
    """A file from the backup and where it belongs; copied first beside its place, then
    moved in as the rows commit."""

    member: str
    final: Path
    root: Path
    staged: Path | None = None


def _places(archive: ArchiveReader, registry: Apps) -> list[_Placed]:
    """Where each file goes. A file already there with the same content is left alone; a
    different one refuses, as does a name that leads outside its folder."""
    places: list[_Placed] = []
    for entry in archive.manifest.get("files", []):
        try:
            model = registry.get_model(entry["model"])
            file_field = model._meta.get_field(entry["field"])
            final = Path(file_field.storage.path(entry["name"]))  # type: ignore[union-attr]
            root = Path(file_field.storage.location).resolve()  # type: ignore[union-attr]
        except SuspiciousFileOperation as error:
            raise BackupError(
                f"{archive.path} names a file outside its folder ({entry.get('name')}), so it "
                "may have been altered. Nothing was restored."
            ) from error
        except (LookupError, FieldDoesNotExist, KeyError, TypeError, AttributeError) as error:
            raise archive.damaged("manifest.json") from error
        if final.exists():
            if _same_content(final, entry):
                continue
            raise BackupError(
                f"{final} already exists and is not the file in the backup. Restore into an "
                "empty folder (SENDPLAN_EVIDENCE_DIR), or move the files there aside."
            )
        places.append(_Placed(member=entry["member"], final=final, root=root))
    return places


def _stage(archive: ArchiveReader, places: list[_Placed], staging: list[Path]) -> None:
    """Copy each file, checked against its checksum, into a folder inside its own root, so
    that moving it into place later is a rename."""
    folders: dict[Path, Path] = {}
    for place in places:
        if place.root not in folders:
            place.root.mkdir(parents=True, exist_ok=True)
            folders[place.root] = Path(tempfile.mkdtemp(prefix=".restore-", dir=place.root))
            staging.append(folders[place.root])
        place.staged = folders[place.root] / place.final.resolve().relative_to(place.root)
        place.staged.parent.mkdir(parents=True, exist_ok=True)
        with place.staged.open("wb") as target:
            archive.verify(place.member, target)


def _same_content(path: Path, entry: dict[str, Any]) -> bool:
    sha256 = hashlib.sha256()
    with path.open("rb") as existing:
        while chunk := existing.read(1024 * 1024):
            sha256.update(chunk)
    return sha256.hexdigest() == entry.get("sha256")


def _load(
    archive: ArchiveReader,
    entries: list[dict[str, Any]],
    registry: Apps,
    places: list[_Placed],
    using: str,
) -> int:
    """Insert every row in one transaction; move the files into place just before it commits,
    and take them away again if it does not."""
    connection = connections[using]
    remap: dict[str, dict[Any, Any]] = {label: {} for label in MERGED}
    loaded: list[type[models.Model]] = []
    moved: list[Path] = []
    rows = 0
    try:
        with transaction.atomic(using=using):
            for entry in entries:
                model = registry.get_model(entry["model"])
                rows += _load_model(archive, entry["member"], model, remap, using)
                loaded.append(model)
                loaded += [
                    f.remote_field.through  # type: ignore[misc, union-attr]
                    for f in model._meta.local_many_to_many
                ]
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(no_style(), loaded):
                    cursor.execute(sql)
            connection.check_constraints()
            for place in places:
                place.final.parent.mkdir(parents=True, exist_ok=True)
                assert place.staged is not None
                os.replace(place.staged, place.final)
                moved.append(place.final)
    except BackupError:
        _take_away(moved)
        raise
    except (DatabaseError, ValidationError, ValueError, TypeError, KeyError, OSError) as error:
        _take_away(moved)
        raise BackupError(
            f"The backup could not be restored, and nothing was changed: {error}"
        ) from error
    return rows


def _take_away(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)


def _load_model(
    archive: ArchiveReader,
    member: str,
    model: type[models.Model],
    remap: dict[str, dict[Any, Any]],
    using: str,
) -> int:
    label = model._meta.label_lower
    fields = model._meta.local_concrete_fields
    many: dict[str, list[tuple[Any, list[Any]]]] = {}
    batch: list[models.Model] = []
    count = 0
    # SQLite limits the values one statement may carry.
    size = max(1, min(BATCH, connections[using].ops.bulk_batch_size(fields, [None] * BATCH)))
    for line in archive.lines(member):
        if not line.strip():
            continue
        obj, links = _build(model, json.loads(line), remap)
        count += 1
        if label in MERGED:
            _merge(model, obj, remap[label], using)
        else:
            batch.append(obj)
        for name, targets in links.items():
            many.setdefault(name, []).append((obj.pk, targets))
        if len(batch) >= size:
            _insert(model, batch, fields, using)
            batch = []
    if batch:
        _insert(model, batch, fields, using)
    for name, pairs in many.items():
        _link(model, name, pairs, remap, using)
    return count


def _build(
    model: type[models.Model], record: dict[str, Any], remap: dict[str, dict[Any, Any]]
) -> tuple[models.Model, dict[str, list[Any]]]:
    """A model instance from one serialised row, and its many-to-many links by field name."""
    opts = model._meta
    data: dict[str, Any] = {}
    if opts.pk is not None:
        data[opts.pk.attname] = opts.pk.to_python(record["pk"])
    links: dict[str, list[Any]] = {}
    for name, value in record["fields"].items():
        try:
            model_field: Any = opts.get_field(name)
        except FieldDoesNotExist as error:
            raise BackupError(
                f"The backup's {opts.label_lower} rows have a field {name} that its own "
                "migrations do not define, so it may have been altered. Nothing was restored."
            ) from error
        if model_field.many_to_many:
            links[name] = [_related(model_field, v, remap) for v in value]
        elif model_field.is_relation:
            data[model_field.attname] = (
                None if value is None else _related(model_field, value, remap)
            )
        else:
            data[model_field.attname] = model_field.to_python(value)
    return model(**data), links


def _related(model_field: Any, value: Any, remap: dict[str, dict[Any, Any]]) -> Any:
    """The id a reference holds: the row's own, or the one it was matched to (MERGED)."""
    target = model_field.remote_field.model
    key_field = target._meta.pk if model_field.many_to_many else model_field.target_field
    key = key_field.to_python(value)
    label = target._meta.label_lower
    if label in remap:
        return remap[label][key]
    return key


def _merge(model: type[models.Model], obj: models.Model, seen: dict[Any, Any], using: str) -> None:
    match = {name: getattr(obj, name) for name in MERGED[model._meta.label_lower]}
    existing = model._base_manager.using(using).filter(**match).values_list("pk", flat=True)
    old = obj.pk
    found = existing.first()
    if found is None:
        obj.pk = None
        obj.save(using=using, force_insert=True)
        found = obj.pk
    seen[old] = found


def _insert(model: type[models.Model], batch: list[models.Model], fields: Any, using: str) -> None:
    # `_insert` with raw=True is how Django's own loaddata saves rows: values exactly as
    # stored (auto_now and auto_now_add left alone), no save() overrides and no signals.
    model._base_manager._insert(batch, fields=fields, using=using, raw=True)  # type: ignore[attr-defined]


def _link(
    model: type[models.Model],
    name: str,
    pairs: list[tuple[Any, list[Any]]],
    remap: dict[str, dict[Any, Any]],
    using: str,
) -> None:
    many_field: Any = model._meta.get_field(name)
    through = many_field.remote_field.through
    own = through._meta.get_field(many_field.m2m_field_name()).attname
    other = through._meta.get_field(many_field.m2m_reverse_field_name()).attname
    rows = [through(**{own: pk, other: target}) for pk, targets in pairs for target in targets]
    through._base_manager.using(using).bulk_create(rows, batch_size=BATCH)
