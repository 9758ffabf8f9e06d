"""Reads of a plan that are more than a filter. The section tree is walked here and only here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sendplan.plans.models import Section


@dataclass(eq=False)
class SectionNode:
    """A section in its place in the plan's tree."""

    section: Section
    depth: int
    parent: SectionNode | None = None
    children: list[SectionNode] = field(default_factory=list)

    @property
    def top(self) -> Section:
        """The top-level section it sits in (itself, at the top)."""
        node = self
        while node.parent is not None:
            node = node.parent
        return node.section

    def walk(self) -> list[SectionNode]:
        """This node and every node below it, in tree order."""
        found = [self]
        for child in self.children:
            found.extend(child.walk())
        return found

    def subtree(self) -> list[Section]:
        return [node.section for node in self.walk()]


def section_tree(sections: Iterable[Section]) -> list[SectionNode]:
    """Every section in tree order: each after its parent, siblings in the order given (the
    sections' own order by position). A section whose parent is not among those given is
    taken as a top-level one, so a subtree can be walked on its own."""
    sections = list(sections)
    nodes = {s.pk: SectionNode(section=s, depth=0) for s in sections}
    roots: list[SectionNode] = []
    for section in sections:
        node = nodes[section.pk]
        parent = nodes.get(section.parent_id) if section.parent_id else None
        if parent is None:
            roots.append(node)
        else:
            node.parent = parent
            parent.children.append(node)

    ordered: list[SectionNode] = []

    def settle(node: SectionNode, depth: int) -> None:
        node.depth = depth
        ordered.append(node)
        for child in node.children:
            settle(child, depth + 1)

    for root in roots:
        settle(root, 0)
    return ordered


def descendants(sections: Iterable[Section], root_ids: Iterable[int]) -> set[int]:
    """The ids of the given sections and of every section below them."""
    tree = {node.section.pk: node for node in section_tree(sections)}
    return {s.pk for pk in root_ids if pk in tree for s in tree[pk].subtree()}
