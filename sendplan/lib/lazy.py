"""Values for a template that are worked out only if the template reads them.

A page that keeps a fragment for the plan as it stands (Django's {% cache %} tag) reads the
figures inside it only when the fragment is not kept; worked out lazily, they cost nothing
when it is."""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable, Mapping
from functools import partial
from typing import Any

from django.utils.functional import SimpleLazyObject


def lazily(make: Callable[[], Mapping[str, Any]], names: Iterable[str]) -> dict[str, Any]:
    """A template context with one lazy value for each name, all of them worked out together
    by `make` the first time the template reads any one of them."""
    made = SimpleLazyObject(lambda: dict(make()))
    context = {name: SimpleLazyObject(partial(operator.getitem, made, name)) for name in names}
    return context
