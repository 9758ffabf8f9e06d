"""Plumbing for services that write many rows at once, in a fixed number of queries."""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Model


def clean_in_memory(obj: Model) -> None:
    """full_clean without the checks that ask the database, for a row of a model with no
    unique constraints: its related rows are ones the bulk service has just made or been
    given, so asking whether each exists would cost a query per row for nothing."""
    relations = [field.name for field in obj._meta.concrete_fields if field.is_relation]
    obj.full_clean(exclude=relations, validate_unique=False, validate_constraints=False)


def in_rounds(earlier: Sequence[int | None]) -> list[list[int]]:
    """Row indexes in rounds, each row in the round after the row it refers to: earlier[i] is
    the index of an earlier row that row i needs saved first, or None. Sections come level by
    level; a correction comes after the update it corrects."""
    depths: list[int] = []
    rounds: list[list[int]] = []
    for index, before in enumerate(earlier):
        if before is not None and not 0 <= before < index:
            raise ValueError(f"Row {index} refers to row {before}, which is not before it")
        depth = 0 if before is None else depths[before] + 1
        depths.append(depth)
        if depth == len(rounds):
            rounds.append([])
        rounds[depth].append(index)
    return rounds
