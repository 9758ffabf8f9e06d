"""The small readers the interpreter relies on: headings, leads, ratings, refs and costs."""

from __future__ import annotations

import pytest

from sendplan.interchange.parsers import people, statuses, values
from sendplan.interchange.parsers.columns import Col, Kind, read_header


@pytest.mark.parametrize(
    ("heading", "role"),
    [
        ("Ref", Col.REF),
        ("Reference", Col.REF),
        ("Milestone Action", Col.TITLE),
        ("Actions (Implementation)", Col.TITLE),
        ("Delivery Objectives", Col.TITLE),
        ("Lead and resource", Col.LEAD),
        ("Accountable Officer", Col.LEAD),
        ("Lead officer", Col.LEAD),
        ("Measure of success", Col.MEASURES),
        ("Success Criteria", Col.MEASURES),
        ("Date for delivery", Col.DUE),
        ("Timeframe", Col.DUE),
        ("Milestone End Date", Col.DUE),
        ("Progress/Impact", Col.PROGRESS),
        ("Position Statement January 2022", Col.PROGRESS),
        ("Task and Finish Group", Col.GROUP),
        ("Group members", Col.MEMBERS),
        ("Monitoring and Evaluation", Col.MONITORING),
        ("Actions", Col.TITLE),
        ("Success Measures", Col.MEASURES),
        # Read as the measures when a plan has no other measures column.
        ("Evidence of Impact", Col.MEASURES),
        ("Due date", Col.DUE),
        ("Progress", Col.PROGRESS),
        ("Members", Col.MEMBERS),
        ("Resources", Col.RESOURCES),
        ("Group", Col.GROUP),
    ],
)
def test_it_recognises_headings_however_they_are_worded(heading: str, role: Col) -> None:
    columns = read_header([heading, "Ref" if role is not Col.REF else "Action"])
    assert columns is not None
    assert columns.roles[0] is role


def test_it_reads_outcomes_as_the_action_column_when_there_is_no_other() -> None:
    columns = read_header(["Ref", "Outcomes", "Lead", "Due date"])
    assert columns is not None and columns.roles[1] is Col.TITLE


def test_it_does_not_take_a_data_row_for_headings() -> None:
    assert read_header(["1.1", "Confirm the Terms of Reference", "Head of ELS (HH)"]) is None
    assert read_header(["Key milestones", "March 18", "Protocol for funding approved"]) is None


def test_it_tells_the_kinds_of_table_apart() -> None:
    kinds = {
        Kind.OFFICERS: ["Role", "Name", "Theme(s)"],
        Kind.GLOSSARY: ["Abbreviation", "Description", "Abbreviation", "Description"],
        Kind.MEETINGS: ["Date", "Meeting and attendees", "Role"],
        Kind.FINANCE: ["Action", "Cost", "Budget"],
        Kind.CONCERNS: ["Ofsted and CQC concerns", "Outcome we are seeking to achieve"],
        Kind.TIMELINE: ["Theme/Priority/Action", "Jan - Mar 2018", "April - Jun 2018"],
        Kind.ACTIONS: ["Ref", "Action", "Lead"],
    }
    for kind, headings in kinds.items():
        columns = read_header(headings)
        assert columns is not None and columns.kind is kind, headings


def test_it_reads_leads_with_roles_names_initials_and_resources() -> None:
    cell = people.read_leads(
        "Strategic Lead – Education (SH) Early Years Manager (RW) Integra Conference cost (£4,000)"
    )
    assert [(m.role, m.initials) for m in cell.mentions] == [
        ("Strategic Lead – Education", "SH"),
        ("Early Years Manager", "RW"),
    ]
    assert cell.resources == ["Integra Conference cost (£4,000)"]
    named = people.read_leads(
        "Transitions Lead (Kevin Lacey) / Strategic Adviser – Skills (Julie Cathcart)"
    )
    assert [m.name for m in named.mentions] == ["Kevin Lacey", "Julie Cathcart"]
    initials = people.read_leads("JB/ PW / JG-S")
    assert [m.initials for m in initials.mentions] == ["JB", "PW", "JG-S"]


def test_it_keeps_an_organisation_in_brackets_as_part_of_the_role() -> None:
    cell = people.read_leads(
        "Head of Commissioning (CCG) – Children, Young People and Maternity (Lindsay Gee)"
    )
    assert len(cell.mentions) == 1
    assert cell.mentions[0].name == "Lindsay Gee"
    assert cell.mentions[0].role.startswith("Head of Commissioning (CCG)")


def test_it_matches_shortened_job_titles() -> None:
    assert people.role_similarity("Head of ELS", "Head of Education, Learning and Skills") == 1
    assert people.role_similarity("DMO", "Designated Medical Officer") == 1
    assert people.role_similarity("Strategic Comms", "Strategic Communications Lead") == 1
    assert people.role_similarity("Senior EP", "Designated Medical Officer") == 0


def test_it_makes_initials_from_names() -> None:
    assert people.initials_of("Helean Hughes") == "HH"
    assert people.initials_of("Jo Green-Smith") == "JG-S"


def test_it_matches_a_lead_to_the_officer_whose_role_fits_when_initials_are_shared() -> None:
    directory = people.Directory()
    directory.add_listed(
        people.Person(name="Catherine Harrington", role="Strategic Communications Lead")
    )
    directory.add_listed(
        people.Person(name="Chrissie Hardman", role="Head of Children's Service (Sirona)")
    )
    comms = directory.resolve(people.Mention("", role="Strategic Comms", initials="CH"))
    sirona = directory.resolve(
        people.Mention("", role="Head of Children's Services Sirona", initials="CH")
    )
    assert comms.person.name == "Catherine Harrington" and comms.problem is None
    assert sirona.person.name == "Chrissie Hardman"
    notes = directory.assign_keys(use_initials=True)
    assert [p.key for p in directory.people] == ["catherine-harrington", "chrissie-hardman"]
    assert "share the initials CH" in notes[0]


def test_it_reads_a_status_key_written_in_one_line() -> None:
    scale = statuses.legend_in(
        "Progress Blue: Completed Green: On track, no concerns Amber: On track, some concerns "
        "Red: No progress or major concerns White: NYS"
    )
    assert scale is not None
    assert [(s.code, s.label) for s in scale] == [
        ("B", "Completed"),
        ("G", "On track, no concerns"),
        ("A", "On track, some concerns"),
        ("R", "No progress or major concerns"),
        ("W", "NYS"),
    ]
    assert scale[4].as_dict()["not_started"] is True


def test_it_gives_grey_its_own_code_beside_green() -> None:
    scale = statuses.legend_in(
        "Blue - outcomes embedded and delivered Red - concerns Amber - in progress "
        "Green - completed Grey - not started, no concerns"
    )
    assert scale is not None
    assert [s.code for s in scale] == ["B", "R", "A", "G", "Gr"]
    assert scale[4].as_dict()["not_started"] is True


def test_it_reads_ratings_as_codes_of_the_scale() -> None:
    reader = statuses.StatusReader(statuses.default_scale())
    assert reader.read("G/A") == "G/A"
    assert reader.read("Green") == "G"
    assert reader.read("amber / red") == "A/R"
    assert reader.read("Not yet started") == "W"
    assert reader.read("Purple") is None


@pytest.mark.parametrize(
    ("written", "ref", "tidied_from"),
    [("1.1.1", "1.1.1", None), ("4A", "4A", None), ("F.", "F.", None), ("2 A", "2A", "2 A")],
)
def test_it_keeps_refs_as_written_and_notes_any_tidying(
    written: str, ref: str, tidied_from: str | None
) -> None:
    read = values.read_ref(written)
    assert read is not None
    assert (read.value, read.written) == (ref, tidied_from)


def test_it_finds_where_a_ref_belongs() -> None:
    assert values.parent_ref("1.1.1") == "1.1"
    assert values.parent_ref("4A") == "4"
    assert values.parent_ref("2.10") == "2"
    assert values.parent_ref("F.") is None


@pytest.mark.parametrize(
    ("written", "pounds"),
    [
        ("£13,000", 13000),
        ("c.£10,000", 10000),
        ("£400 x 20 £8,000", 8000),
        ("10 days @ £300 per day", 3000),
        ("£1,500 pa.", 1500),
        ("(c.£10,000) and (c.£20,000)", 30000),
        ("No cost", None),
    ],
)
def test_it_reads_costs(written: str, pounds: int | None) -> None:
    assert values.read_cost(written) == pounds


def test_it_finds_cross_references() -> None:
    assert values.cross_refs("cross ref: 3A") == ["3A"]
    assert values.cross_refs("Create an audit (see 6.1.4) and links to 2.1 and 2.3") == [
        "6.1.4",
        "2.1",
        "2.3",
    ]


def test_it_reads_two_named_leads_joined_by_and() -> None:
    cell = people.read_leads("Priya Shah & Tom Reed")
    assert [m.name for m in cell.mentions] == ["Priya Shah", "Tom Reed"]
    assert [m.name for m in people.read_leads("Ana Lopes and Ben Hart").mentions] == [
        "Ana Lopes",
        "Ben Hart",
    ]


def test_it_takes_a_line_of_words_under_a_lead_as_resources() -> None:
    written = "Head of Inclusion (PW)\nFunding agreed from the high needs block"
    cell = people.read_leads(written)
    assert [m.initials for m in cell.mentions] == ["PW"]
    assert cell.resources == ["Funding agreed from the high needs block"]
    assert people.without_resources(written, cell) == "Head of Inclusion (PW)"


def test_it_keeps_a_post_written_in_capitals_after_a_name_as_a_lead() -> None:
    cell = people.read_leads("Omar Haddad/EH SDM")
    assert [(m.name, m.role) for m in cell.mentions] == [("Omar Haddad", ""), ("", "EH SDM")]
    assert cell.resources == []


@pytest.mark.parametrize(
    ("line", "level", "ref", "title"),
    [
        ("Theme 2: Joint commissioning", "Theme", "2", "Joint commissioning"),
        ("Improvement Pillar 2 – Inclusion", "Improvement Pillar", "2", "Inclusion"),
        ("Area for Improvement 3", "Area for Improvement", "3", "Area for Improvement 3"),
        ("Focus Area 5 – Preparing for adulthood", "Focus Area", "5", "Preparing for adulthood"),
        ("Priority 1", "Priority", "1", "Priority 1"),
        ("Workstream 4: Health waits.", "Workstream", "4", "Health waits"),
    ],
)
def test_it_reads_heading_lines_that_open_a_section(
    line: str, level: str, ref: str, title: str
) -> None:
    heading = values.section_heading(line)
    assert heading is not None
    assert (heading.level, heading.ref, heading.title) == (level, ref, title)


def test_it_does_not_take_a_sentence_about_a_theme_for_a_heading() -> None:
    assert values.section_heading("Themes were agreed with families in 2019") is None


def test_the_posts_of_families_groups_and_partners_are_posts_not_names() -> None:
    """ "Parent Carer Forum Chair" had been read as someone called "Parent Carer" whose role is
    "Forum Chair"."""
    for post in (
        "Parent Carer Forum Chair",
        "Voluntary Sector Lead",
        "Youth Justice Manager",
        "Annual Review Team Manager",
    ):
        [mention] = people.read_leads(post).mentions
        assert (mention.name, mention.role) == ("", post)
    [named] = people.read_leads("Sam Young, Parent Carer Forum Chair").mentions
    assert (named.name, named.role) == ("Sam Young", "Parent Carer Forum Chair")
