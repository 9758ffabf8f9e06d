"""The parts a table's columns play (`Col`), and the kinds of table a plan holds (`Kind`)."""

from __future__ import annotations

from enum import Enum


class Col(Enum):
    REF = "ref"
    TITLE = "title"
    OUTCOMES = "outcomes"
    LEAD = "lead"
    MEASURES = "measures"
    IMPACT = "impact"
    DUE = "due"
    # A date that replaced the due date ("Revised date" beside "Target date").
    REVISED_DUE = "revised due"
    STARTS = "starts"
    PROGRESS = "progress"
    STATUS = "status"
    GROUP = "group"
    MEMBERS = "members"
    RESOURCES = "resources"
    COST = "cost"
    BUDGET = "budget"
    MONITORING = "monitoring"
    MONITORING_DATES = "monitoring dates"
    EVIDENCE = "evidence"
    SEE_ALSO = "see also"
    SECTION = "section"
    ROLE = "role"
    NAME = "name"
    INITIALS = "initials"
    ORGANISATION = "organisation"
    EMAIL = "email"
    TERM = "term"
    MEANING = "meaning"
    DATE = "date"
    MEETING = "meeting"
    CONCERN = "concern"
    FINDING = "finding"
    SOURCE = "source"
    INDICATOR = "indicator"
    DEFINITION = "definition"
    BASELINE = "baseline"
    TARGET = "target"
    ACTUAL = "actual"
    COMPARATOR = "comparator"
    UNIT = "unit"
    TIMELINE = "timeline"
    MILESTONE = "milestone"
    PERIOD = "period"
    COLOUR = "colour"
    # A task tool's outline level (Project's "Outline Level"): 1 for a summary task, 2 for the
    # tasks under it.
    OUTLINE = "outline level"
    # Which way an action is going, as an arrow or words ("↑", "Improving"), beside its rating.
    DIRECTION = "direction of travel"


class Kind(Enum):
    ACTIONS = "actions"
    OFFICERS = "officers"
    GLOSSARY = "glossary"
    MEETINGS = "meetings"
    FINANCE = "finance"
    CONCERNS = "concerns"
    INDICATORS = "indicators"
    TIMELINE = "timeline"
    MILESTONES = "milestones"
    PROGRESS_ONLY = "progress only"
    KEY = "key"
