"""Invented plans written as prose, with what each holds.

Many documents an area holds carry its actions in prose rather than in a table: a letter to
families ("over the next term we will …"), an inspection or monitoring-visit report (its "what
needs to improve" list, "the local area partnership should …"), a SEND strategy's annual
update ("next steps", "our priorities for 2025 are …"), a scrutiny review's recommendations
with the executive's response, an improvement board chair's update ("actions agreed"), a
child-poverty or inclusion review's numbered recommendations. Around the actions is narrative
a person would not enter as actions: context, findings, thanks, what has already been done,
contact details.

Each document here is invented (invented areas and officers, no children) and comes with the
plan a careful person would enter from it by hand: each thing to be done an action, in its own
words (a sentence saying what will be done is kept whole; a list item without its bracketed
lead and date; a recommendation without its "Recommendation 3:" label, its number its ref, the
response giving the lead and date), under the heading it sits under. A lead is entered where
the document names one ("Lead: Head of SEND", "the Head of SEND will …"); a due date where it
names one (a term in the month it ends: spring April, summer July, autumn December; "2025/26"
the March it ends; "from September" is a start, not a due date).

Which half a document is in was fixed before any rule was written for them, by a hash of its
name (`_is_blind`): the blind half was scored once before any change, and no rule was written
from it. The first sixteen were written before any rule; the last four after the first rules,
their halves by the same hash, and scored before any change made for them. bench/parse_prose.py
prints the figures, with the actions read that the plan does not hold;
test_parse_prose_corpus.py holds their floors; corpus/real/PROSE.md tells the story.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import docx

from sendplan.interchange.parsers import parse_file_inprocess, people
from sendplan.interchange.tests import accuracy, saved

Doc = dict[str, Any]


@dataclass(frozen=True)
class Item:
    """One action as a person would enter it."""

    title: str
    ref: str | None = None
    lead_text: str | None = None
    due: str | None = None


@dataclass(frozen=True)
class Part:
    """The heading a run of actions sits under."""

    title: str
    items: tuple[Item, ...]


@dataclass(frozen=True, eq=False)
class ProsePlan:
    name: str
    filename: str
    # The document: a line opening "# " is a heading; a line opening "• " a bulleted item.
    source: str
    parts: tuple[Part, ...]

    def data(self) -> bytes:
        if self.filename.endswith(".docx"):
            return _as_docx(self.source)
        return _as_text(self.source).encode()

    def reference(self) -> Doc:
        people: dict[str, Doc] = {}
        sections = []
        for part in self.parts:
            actions = []
            for item in part.items:
                action: Doc = {"title": item.title, "leads": []}
                if item.ref:
                    action["ref"] = item.ref
                if item.lead_text:
                    key = re.sub(r"[^a-z0-9]+", "-", item.lead_text.lower()).strip("-")
                    people.setdefault(key, _person(key, item.lead_text))
                    action["leads"] = [key]
                    action["lead_text"] = item.lead_text
                if item.due:
                    action["due"] = item.due
                actions.append(action)
            sections.append({"title": part.title, "actions": actions})
        return {"title": _as_text(self.source).splitlines()[0], "people": list(people.values()),
                "sections": sections}  # fmt: skip


def _person(key: str, lead: str) -> Doc:
    # A lead written as a person's name ("Asha Patel"), a name and a post ("Sam Price, Head of
    # SEND") or a post ("Head of SEND").
    if re.match(r"^[A-Z][a-z]+ [A-Z][a-z'-]+$", lead) and " of " not in lead:
        return {"key": key, "name": lead}
    named = re.match(r"^([A-Z][a-z]+ ([A-Z][a-z'-]+)), (.+)$", lead)
    if named and not people.is_role_word(named.group(2)):
        return {"key": key, "name": named.group(1), "role": named.group(3)}
    return {"key": key, "role": lead}


def _as_text(source: str) -> str:
    return "\n".join(line.removeprefix("# ") for line in source.strip("\n").splitlines()) + "\n"


def _as_docx(source: str) -> bytes:
    document = docx.Document()
    for line in source.strip("\n").splitlines():
        if line.startswith("# "):
            document.add_heading(line[2:], level=1)
        elif line.startswith("• "):
            document.add_paragraph(line[2:], style="List Bullet")
        elif line.strip():
            document.add_paragraph(line)
    return saved(document)


def _is_blind(name: str) -> bool:
    """The blind half, fixed before any rule was written: a third of the names by their hash."""
    return int(hashlib.sha256(name.encode()).hexdigest(), 16) % 3 == 0


# The documents, each with its hand-entered actions a line each.
# fmt: off

# 1. A letter to families from a director, its commitments in sentences and a short list

ALDERLEY = ProsePlan(
    "Alderley letter to families",
    "alderley-letter.txt",
    """
A letter to families from the Director of Children's Services

Dear parents and carers,

Thank you to the two hundred families who came to our listening events in the autumn. You told us plainly that waiting for an assessment is too long, that phone calls go unanswered and that you do not know who to ask when things go wrong. We are sorry. The inspectors who visited in June said much the same.

Since then we have recruited three new caseworkers and reopened the duty line. More than half of new assessments now finish within twenty weeks, up from a third last year.

Over the next term we will:
• open a parent carer helpline staffed every weekday by the end of the spring term 2025
• give every family a named caseworker by April 2025
• publish our assessment waiting times on the Local Offer every month

The Head of SEND will review every plan that has waited more than a year by March 2025. Health partners have agreed to bring the speech and language therapy waiting list under eighteen weeks by September 2025.

We know there is a long way to go. We will write to you again in the summer, and you can always reach the SEND team at send@alderley.example or on 01632 960 411.

Yours sincerely,
Helen Marsh
Director of Children's Services
""",  # noqa: E501
    (
        Part(
            "A letter to families from the Director of Children's Services",
            (
                Item("open a parent carer helpline staffed every weekday by the end of the spring term 2025", due="2025-04"),  # noqa: E501
                Item("give every family a named caseworker by April 2025", due="2025-04"),
                Item("publish our assessment waiting times on the Local Offer every month"),
                Item("The Head of SEND will review every plan that has waited more than a year by March 2025.", lead_text="Head of SEND", due="2025-03"),  # noqa: E501
                Item("Health partners have agreed to bring the speech and language therapy waiting list under eighteen weeks by September 2025.", due="2025-09"),  # noqa: E501
            ),
        ),
    ),
)


# 2. A monitoring visit's findings letter: narrative, then what leaders should do next

BARNSTEAD = ProsePlan(
    "Barnstead monitoring visit",
    "barnstead-monitoring-visit.txt",
    """
Monitoring visit to Barnstead local area partnership

This letter sets out the findings of the monitoring visit carried out on 4 and 5 March. Inspectors met leaders from education, health and social care, spoke with forty parents and carers and reviewed a sample of twenty education, health and care plans.

# Main findings

Leaders have an accurate view of what is not yet good enough. The new quality assurance framework is beginning to improve the plans written since September, although older plans remain weak. Families say that communication is better but that they still wait too long for therapies. Too many children and young people with SEND are excluded from school or attend only part time.

# What leaders need to do next

• Leaders should make sure that the annual reviews of older plans bring them up to the standard of new plans.
• Leaders should reduce the time children and young people wait for speech and language therapy.
• Leaders should work with schools to reduce the use of part-time timetables and exclusions for pupils with SEND.
• Leaders should check that the views of children and young people shape the outcomes in their plans.

We will carry out a further monitoring visit within twelve months. Yours sincerely, Andrew Pike, His Majesty's Inspector
""",  # noqa: E501
    (
        Part(
            "What leaders need to do next",
            (
                Item("Leaders should make sure that the annual reviews of older plans bring them up to the standard of new plans."),  # noqa: E501
                Item("Leaders should reduce the time children and young people wait for speech and language therapy."),  # noqa: E501
                Item("Leaders should work with schools to reduce the use of part-time timetables and exclusions for pupils with SEND."),  # noqa: E501
                Item("Leaders should check that the views of children and young people shape the outcomes in their plans."),  # noqa: E501
            ),
        ),
    ),
)


# 3. An area SEND re-inspection report in Word: the "areas for improvement" the partnership
# should act on

CALDERBROOK = ProsePlan(
    "Calderbrook re-inspection report",
    "calderbrook-reinspection.docx",
    """
# Area SEND inspection of Calderbrook Local Area Partnership

# Information about the local area partnership

Calderbrook City Council and NHS Calder Integrated Care Board are jointly responsible for the planning and commissioning of services for children and young people with SEND. The inspection took place over three weeks in January.

# What is it like to be a child or young person with SEND in this area?

Most children and young people with SEND are well known to the professionals who support them. Early years settings identify needs quickly. However, many older children wait too long for an assessment of their needs, and the transition to adult health services is often abrupt.

# Areas for improvement

• Leaders across the partnership should improve the timeliness of education, health and care needs assessments so that they are completed within twenty weeks.
• The integrated care board should reduce waiting times for neurodevelopmental assessments.
• Leaders should strengthen the planning for young people's move to adult health services from the age of fourteen.
• Leaders should make sure that the local offer gives families accurate and up-to-date information.
• The local authority should improve the quality and consistency of the annual review process.

The partnership's next full inspection will take place within three years.
""",  # noqa: E501
    (
        Part(
            "Areas for improvement",
            (
                Item("Leaders across the partnership should improve the timeliness of education, health and care needs assessments so that they are completed within twenty weeks."),  # noqa: E501
                Item("The integrated care board should reduce waiting times for neurodevelopmental assessments."),  # noqa: E501
                Item("Leaders should strengthen the planning for young people's move to adult health services from the age of fourteen."),  # noqa: E501
                Item("Leaders should make sure that the local offer gives families accurate and up-to-date information."),  # noqa: E501
                Item("The local authority should improve the quality and consistency of the annual review process."),  # noqa: E501
            ),
        ),
    ),
)


# 4. A SEND strategy's annual update: what was achieved, then next steps with lead and date
# in brackets

DENHOLM = ProsePlan(
    "Denholm strategy annual update",
    "denholm-annual-update.txt",
    """
Denholm SEND and Inclusion Strategy: annual update 2024

# Introduction

This is the second annual update on our five-year strategy. It was agreed by the SEND Partnership Board in November and has been shared with the parent carer forum, whose members we thank for their challenge and support throughout the year.

# What we achieved this year

We opened two new resourced provisions in mainstream secondary schools. We trained four hundred school staff in autism awareness. The proportion of plans issued within twenty weeks rose from 38% to 61%. We launched a new Local Offer website with the parent carer forum.

# Next steps

• Open a third resourced provision for pupils with social, emotional and mental health needs (Lead: Head of Inclusion, by September 2025)
• Extend autism awareness training to all primary schools (Lead: Principal Educational Psychologist, by July 2025)
• Bring the share of plans issued within twenty weeks above 80% (Lead: Head of SEND Services, by March 2025)
• Agree a joint preparing for adulthood pathway with adult social care (Lead: Assistant Director, Adult Social Care, by December 2025)
• Review the banding of top-up funding with schools (Lead: Head of Inclusion, by the end of the summer term 2025)
• Publish a sufficiency plan for specialist places (Lead: Head of Commissioning, by June 2025)

If you would like to know more about the strategy, please contact the SEND Partnership team at send.partnership@denholm.example.
""",  # noqa: E501
    (
        Part(
            "Next steps",
            (
                Item("Open a third resourced provision for pupils with social, emotional and mental health needs", lead_text="Head of Inclusion", due="2025-09"),  # noqa: E501
                Item("Extend autism awareness training to all primary schools", lead_text="Principal Educational Psychologist", due="2025-07"),  # noqa: E501
                Item("Bring the share of plans issued within twenty weeks above 80%", lead_text="Head of SEND Services", due="2025-03"),  # noqa: E501
                Item("Agree a joint preparing for adulthood pathway with adult social care", lead_text="Assistant Director, Adult Social Care", due="2025-12"),  # noqa: E501
                Item("Review the banding of top-up funding with schools", lead_text="Head of Inclusion", due="2025-07"),  # noqa: E501
                Item("Publish a sufficiency plan for specialist places", lead_text="Head of Commissioning", due="2025-06"),  # noqa: E501
            ),
        ),
    ),
)


# 5. A scrutiny review in Word: each recommendation with the executive's response under it

EASTWICK = ProsePlan(
    "Eastwick scrutiny review and response",
    "eastwick-scrutiny-response.docx",
    """
# Children and Young People Scrutiny Panel: review of SEND transport

# Background

The panel met five times between June and October and heard from officers, the parent carer forum, two transport operators and the head teachers of three special schools. Members thank everyone who gave evidence. The panel found that the service had grown by forty per cent in three years while its staffing had not changed.

# Recommendations and the executive's response

Recommendation 1: That the council publishes clear eligibility criteria for SEND transport on the Local Offer.
Response: Accepted. The council will publish revised criteria by March 2025. Lead: Head of Transport Services.

Recommendation 2: That every route is reviewed at least once a year with the families who use it.
Response: Accepted. Route reviews will begin in the summer term and will be complete by July 2025. Lead: Transport Commissioning Manager.

Recommendation 3: That the council trains all passenger assistants in supporting children with complex needs.
Response: Partially accepted. Training will be offered to all new assistants from September 2025, and to existing assistants as funding allows. Lead: Head of Transport Services.

Recommendation 4: That independent travel training is offered to every young person in year 11 for whom it is suitable.
Response: Accepted. The independent travel training offer will be extended by December 2025. Lead: Head of Preparing for Adulthood.

Recommendation 5: That the panel receives a progress report in twelve months.
Response: Accepted. A report will come to the panel in November 2025. Lead: Director of Education.

The panel will monitor the delivery of these recommendations through its work programme.
""",  # noqa: E501
    (
        Part(
            "Recommendations and the executive's response",
            (
                Item("That the council publishes clear eligibility criteria for SEND transport on the Local Offer.", ref="1", lead_text="Head of Transport Services", due="2025-03"),  # noqa: E501
                Item("That every route is reviewed at least once a year with the families who use it.", ref="2", lead_text="Transport Commissioning Manager", due="2025-07"),  # noqa: E501
                Item("That the council trains all passenger assistants in supporting children with complex needs.", ref="3", lead_text="Head of Transport Services"),  # noqa: E501
                Item("That independent travel training is offered to every young person in year 11 for whom it is suitable.", ref="4", lead_text="Head of Preparing for Adulthood", due="2025-12"),  # noqa: E501
                Item("That the panel receives a progress report in twelve months.", ref="5", lead_text="Director of Education", due="2025-11"),  # noqa: E501
            ),
        ),
    ),
)


# 6. A scrutiny panel's recommendations as a numbered list, no response yet

FENWAY = ProsePlan(
    "Fenway panel recommendations",
    "fenway-panel.txt",
    """
Fenway Borough Council: Inclusion in Schools Task and Finish Group, final report

# Summary

The task and finish group was set up in March to look at why so many pupils with SEND in Fenway leave mainstream school. Members visited six schools and a pupil referral unit. The group found good practice in several schools, but no shared approach to inclusion across the borough, and little data on pupils moved off roll.

# Recommendations

The Panel recommends that:
1. The council agrees a borough-wide inclusion charter with head teachers by September 2025.
2. Every school is offered a named SEND advisory teacher.
3. The council collects and publishes data each term on pupils with SEND who leave a school roll.
4. Funding for early help in schools is protected in the 2025/26 budget.
5. The Cabinet Member for Children reports back to the panel on progress within six months.
6. The council works with the parent carer forum to produce a guide for families on exclusions.

# Next steps

The report will go to Cabinet on 12 February for a response.
""",  # noqa: E501
    (
        Part(
            "Recommendations",
            (
                Item("The council agrees a borough-wide inclusion charter with head teachers by September 2025.", ref="1", due="2025-09"),  # noqa: E501
                Item("Every school is offered a named SEND advisory teacher.", ref="2"),
                Item("The council collects and publishes data each term on pupils with SEND who leave a school roll.", ref="3"),  # noqa: E501
                Item("Funding for early help in schools is protected in the 2025/26 budget.", ref="4", due="2026-03"),  # noqa: E501
                Item("The Cabinet Member for Children reports back to the panel on progress within six months.", ref="5", lead_text="Cabinet Member for Children"),  # noqa: E501
                Item("The council works with the parent carer forum to produce a guide for families on exclusions.", ref="6"),  # noqa: E501
            ),
        ),
    ),
)


# 7. An improvement board chair's update: what the board discussed and the actions agreed

GLASSFORD = ProsePlan(
    "Glassford improvement board update",
    "glassford-board-update.txt",
    """
Glassford SEND Improvement Board: update from the independent chair, January 2025

# Introduction

The board met on 14 January. Members welcomed the new Director of Children's Services, and thanked the parent carer forum for the survey of families it carried out in December, which more than six hundred families completed.

# What the board heard

The board heard that timeliness of new plans has improved for a third month in a row, to 58%. The backlog of annual reviews has fallen by a quarter. Members were concerned that the number of requests for assessment continues to rise and that recruitment of educational psychologists remains difficult.

# Actions agreed

• The Director of Education to present a recovery plan for annual reviews to the March board.
• The Designated Clinical Officer to report on therapy waiting times at each meeting.
• The Head of SEND to set up a workforce group on educational psychology recruitment by February 2025.
• The parent carer forum and the council to co-produce a communications plan by April 2025.
• The board's data lead to add exclusions of pupils with SEND to the dashboard.

The next meeting of the board is on 11 March. Minutes of the board are published on the council's website.
""",  # noqa: E501
    (
        Part(
            "Actions agreed",
            (
                Item("The Director of Education to present a recovery plan for annual reviews to the March board.", lead_text="Director of Education"),  # noqa: E501
                Item("The Designated Clinical Officer to report on therapy waiting times at each meeting.", lead_text="Designated Clinical Officer"),  # noqa: E501
                Item("The Head of SEND to set up a workforce group on educational psychology recruitment by February 2025.", lead_text="Head of SEND", due="2025-02"),  # noqa: E501
                Item("The parent carer forum and the council to co-produce a communications plan by April 2025.", due="2025-04"),  # noqa: E501
                Item("The board's data lead to add exclusions of pupils with SEND to the dashboard."),  # noqa: E501
            ),
        ),
    ),
)


# 8. A child poverty review: numbered findings, then numbered recommendations

HARTWELL = ProsePlan(
    "Hartwell child poverty review",
    "hartwell-child-poverty.txt",
    """
Hartwell Child Poverty and Inclusion Review

# Foreword

This review was commissioned by the Health and Wellbeing Board to understand how poverty affects children and young people with special educational needs and disabilities in Hartwell, and what the council and its partners can do about it.

# Key findings

1. One in three children with an education, health and care plan lives in a low-income household.
2. Families of disabled children spend more on transport, heating and equipment than other families.
3. Take-up of free school meals among eligible pupils with SEND is lower than among other pupils.
4. Many families did not know about the short breaks offer.

# Recommendations

1. The council should automatically enrol eligible pupils with SEND for free school meals.
2. The council should publish a single guide to financial support for families of disabled children.
3. Partners should offer every family receiving a new plan a benefits check.
4. Schools should be supported to reduce the cost of uniform and trips for pupils with SEND.
5. The short breaks offer should be promoted through schools, health visitors and GP practices.
6. The council should review charges for post-16 transport for students with SEND.
7. The Health and Wellbeing Board should receive an annual report on child poverty and SEND.

This review was written by the Public Health team. Contact: public.health@hartwell.example
""",  # noqa: E501
    (
        Part(
            "Recommendations",
            (
                Item("The council should automatically enrol eligible pupils with SEND for free school meals.", ref="1"),  # noqa: E501
                Item("The council should publish a single guide to financial support for families of disabled children.", ref="2"),  # noqa: E501
                Item("Partners should offer every family receiving a new plan a benefits check.", ref="3"),  # noqa: E501
                Item("Schools should be supported to reduce the cost of uniform and trips for pupils with SEND.", ref="4"),  # noqa: E501
                Item("The short breaks offer should be promoted through schools, health visitors and GP practices.", ref="5"),  # noqa: E501
                Item("The council should review charges for post-16 transport for students with SEND.", ref="6"),  # noqa: E501
                Item("The Health and Wellbeing Board should receive an annual report on child poverty and SEND.", ref="7"),  # noqa: E501
            ),
        ),
    ),
)


# 9. An inclusion update in Word: "our priorities for 2025 are" over bullets, then prose

IRONBRIDGE = ProsePlan(
    "Ironbridge inclusion priorities",
    "ironbridge-priorities.docx",
    """
# Ironbridge Inclusion Partnership: our priorities for 2025

Last year the partnership brought schools, health and the council together around a shared view of inclusion. Exclusions of pupils with SEND fell by a fifth, and every secondary school now has a trained inclusion lead.

# Our priorities

Our priorities for 2025 are:
• Every mainstream school will have access to an outreach team from a special school by September 2025.
• We will set up a shared training programme for teaching assistants by January 2025.
• We will halve the number of pupils with SEND on part-time timetables by July 2025.

The Principal Educational Psychologist will lead a review of early identification in the early years by the end of the autumn term 2025. The council has committed to publishing an annual inclusion report each December.

Thank you to all the schools and families who have worked with us.
""",  # noqa: E501
    (
        Part(
            "Our priorities",
            (
                Item("Every mainstream school will have access to an outreach team from a special school by September 2025.", due="2025-09"),  # noqa: E501
                Item("We will set up a shared training programme for teaching assistants by January 2025.", due="2025-01"),  # noqa: E501
                Item("We will halve the number of pupils with SEND on part-time timetables by July 2025.", due="2025-07"),  # noqa: E501
                Item("The Principal Educational Psychologist will lead a review of early identification in the early years by the end of the autumn term 2025.", lead_text="Principal Educational Psychologist", due="2025-12"),  # noqa: E501
                Item("The council has committed to publishing an annual inclusion report each December."),  # noqa: E501
            ),
        ),
    ),
)


# 10. A progress letter on a written statement of action, prose only, under headings

JARROWAY = ProsePlan(
    "Jarroway progress letter",
    "jarroway-progress.txt",
    """
Our written statement of action: where we are, and what comes next

# Communication with families

Families told us in the survey last spring that they often did not hear back from the SEND team. Since then we have introduced a two-day response standard, and we now meet it for nine in ten enquiries. We have committed to extending the standard to schools and health services by June 2025. The SEND Communications Officer will publish a termly newsletter for families from January 2025.

# Education, health and care plans

The quality of new plans has improved, and the independent audit in October rated most of them good. The Quality Assurance Lead will audit thirty plans every term and report the results to the partnership board. We will also train every SEND caseworker in writing outcomes by the end of March 2025.

# Health

The integrated care board is going to open a new community paediatric clinic in the north of the borough by November 2025.

Thank you for reading. If you have questions, please ring the SEND team on 01632 960 782.
""",  # noqa: E501
    (
        Part(
            "Communication with families",
            (
                Item("We have committed to extending the standard to schools and health services by June 2025.", due="2025-06"),  # noqa: E501
                Item("The SEND Communications Officer will publish a termly newsletter for families from January 2025.", lead_text="SEND Communications Officer"),  # noqa: E501
            ),
        ),
        Part(
            "Education, health and care plans",
            (
                Item("The Quality Assurance Lead will audit thirty plans every term and report the results to the partnership board.", lead_text="Quality Assurance Lead"),  # noqa: E501
                Item("We will also train every SEND caseworker in writing outcomes by the end of March 2025.", due="2025-03"),  # noqa: E501
            ),
        ),
        Part(
            "Health",
            (
                Item("The integrated care board is going to open a new community paediatric clinic in the north of the borough by November 2025.", due="2025-11"),  # noqa: E501
            ),
        ),
    ),
)


# 11. A monitoring visit letter whose next steps are lettered

KELSALL = ProsePlan(
    "Kelsall monitoring letter",
    "kelsall-monitoring.txt",
    """
Kelsall: second monitoring visit of the accelerated progress plan

Inspectors visited on 19 November and met leaders, practitioners and families. Leaders have made steady progress with two of the three areas in the accelerated progress plan. The new joint commissioning arrangements are working well. However, progress in improving the transition to adult services has been too slow, and families are not yet seeing a difference.

Leaders should now:
(a) agree with adult services a single transition protocol that starts at age fourteen;
(b) make sure every young person aged sixteen or over with a plan has a preparing for adulthood review;
(c) report to the Department for Education on progress by the end of February 2025.

We will visit again in the spring.
""",  # noqa: E501
    (
        Part(
            "Kelsall: second monitoring visit of the accelerated progress plan",
            (
                Item("agree with adult services a single transition protocol that starts at age fourteen", ref="a"),  # noqa: E501
                Item("make sure every young person aged sixteen or over with a plan has a preparing for adulthood review", ref="b"),  # noqa: E501
                Item("report to the Department for Education on progress by the end of February 2025", ref="c", due="2025-02"),  # noqa: E501
            ),
        ),
    ),
)


# 12. A report to committee whose recommendations each carry the executive response, lead and
# timescale on labelled lines

LANGSTONE = ProsePlan(
    "Langstone executive response",
    "langstone-executive-response.txt",
    """
Langstone County Council: Executive response to the Overview and Scrutiny review of Education, Health and Care Plans

# Purpose of this report

This report sets out the Executive's response to the nine recommendations of the review, which was published in September. The Executive welcomes the review and thanks members of the committee for their work.

# Responses

Recommendation 1
The Executive should commission an independent audit of the quality of plans issued in the last two years.
Response: Accepted.
Lead officer: Head of SEND Quality Assurance
Timescale: By April 2025

Recommendation 2
The Executive should set a target for the timeliness of annual reviews.
Response: Accepted. A target of 90% will be set in the new performance framework.
Lead officer: Assistant Director, Education
Timescale: By January 2025

Recommendation 3
The council should increase the number of SEND caseworkers so that no caseworker holds more than 150 plans.
Response: Partially accepted, subject to the budget.
Lead officer: Head of SEND Services
Timescale: 2025/26

Recommendation 4
Parents should be able to see the progress of their child's assessment online.
Response: Accepted.
Lead officer: Head of Digital Services
Timescale: By December 2025

Recommendation 5
The committee should receive a six-monthly update on the delivery of these recommendations.
Response: Accepted.
Lead officer: Director of Children's Services
Timescale: From June 2025

# Financial implications

The costs of recommendations 1 and 4 will be met from existing budgets. Recommendation 3 will be considered as part of the budget for 2025/26.
""",  # noqa: E501
    (
        Part(
            "Responses",
            (
                Item("The Executive should commission an independent audit of the quality of plans issued in the last two years.", ref="1", lead_text="Head of SEND Quality Assurance", due="2025-04"),  # noqa: E501
                Item("The Executive should set a target for the timeliness of annual reviews.", ref="2", lead_text="Assistant Director, Education", due="2025-01"),  # noqa: E501
                Item("The council should increase the number of SEND caseworkers so that no caseworker holds more than 150 plans.", ref="3", lead_text="Head of SEND Services", due="2026-03"),  # noqa: E501
                Item("Parents should be able to see the progress of their child's assessment online.", ref="4", lead_text="Head of Digital Services", due="2025-12"),  # noqa: E501
                Item("The committee should receive a six-monthly update on the delivery of these recommendations.", ref="5", lead_text="Director of Children's Services"),  # noqa: E501
            ),
        ),
    ),
)


# 13. A health update in Word: what changed, then next steps with dates in prose

MARCHWOOD = ProsePlan(
    "Marchwood health update",
    "marchwood-health-update.docx",
    """
# Marchwood Integrated Care Board: SEND update for the Health and Wellbeing Board

# Summary

This paper updates the board on the health actions in the local area's priority action plan. Waiting times for speech and language therapy have fallen from 46 weeks to 31 weeks. The neurodevelopmental pathway redesign was agreed in October. The Designated Clinical Officer post was made permanent.

# Next steps

• Launch the redesigned neurodevelopmental pathway from April 2025, led by the Designated Clinical Officer.
• Bring speech and language therapy waits under 18 weeks by March 2026.
• Train all health visitors in early identification of communication needs by the end of the summer term 2025.
• Publish a health section of the Local Offer, co-produced with families, by October 2025.

# Recommendation

The Health and Wellbeing Board is asked to note this update.
""",  # noqa: E501
    (
        Part(
            "Next steps",
            (
                Item("Launch the redesigned neurodevelopmental pathway from April 2025, led by the Designated Clinical Officer.", lead_text="Designated Clinical Officer"),  # noqa: E501
                Item("Bring speech and language therapy waits under 18 weeks by March 2026.", due="2026-03"),  # noqa: E501
                Item("Train all health visitors in early identification of communication needs by the end of the summer term 2025.", due="2025-07"),  # noqa: E501
                Item("Publish a health section of the Local Offer, co-produced with families, by October 2025.", due="2025-10"),  # noqa: E501
            ),
        ),
    ),
)


# 14. A strategy's annual report to a committee: a long list of next steps under themes

NORTHOLT = ProsePlan(
    "Northolt SEND annual report",
    "northolt-annual-report.txt",
    """
Northolt SEND Annual Report 2024 to the Children's Services Committee

# Context

There are 2,940 children and young people with an education, health and care plan in Northolt, an increase of 11% on last year. The proportion educated in mainstream schools has stayed at 41%. Spending on the high needs block exceeded the grant by £4.2 million.

# Theme 1: Early help and identification

Over the last year we trained 120 early years practitioners and opened a new portage service. Next year we will:
• extend the portage service to every children's centre by September 2025;
• introduce a shared early identification tool in all nurseries;
• recruit two more specialist teachers for the early years.

# Theme 2: Inclusion in mainstream schools

The inclusion fund supported 85 schools this year. Next year we will:
• offer every school an annual inclusion review;
• publish an ordinarily available provision guide by January 2025;
• set up a network of SENCOs in every school cluster.

# Theme 3: Preparing for adulthood

Fewer young people with SEND are not in education, employment or training than last year. Next year we will:
• double the number of supported internships to forty by July 2025;
• agree a protocol for the transfer of plans to adult services by December 2025.

# Conclusion

The committee is asked to note the report and to comment on the priorities for the coming year.
""",  # noqa: E501
    (
        Part(
            "Early help and identification",
            (
                Item("extend the portage service to every children's centre by September 2025", due="2025-09"),  # noqa: E501
                Item("introduce a shared early identification tool in all nurseries"),
                Item("recruit two more specialist teachers for the early years"),
            ),
        ),
        Part(
            "Inclusion in mainstream schools",
            (
                Item("offer every school an annual inclusion review"),
                Item("publish an ordinarily available provision guide by January 2025", due="2025-01"),  # noqa: E501
                Item("set up a network of SENCOs in every school cluster"),
            ),
        ),
        Part(
            "Preparing for adulthood",
            (
                Item("double the number of supported internships to forty by July 2025", due="2025-07"),  # noqa: E501
                Item("agree a protocol for the transfer of plans to adult services by December 2025", due="2025-12"),  # noqa: E501
            ),
        ),
    ),
)

# 15. A scrutiny review pasted as text: each recommendation over the cabinet's response, the
# lead and date in the response's sentences

OAKHANGER = ProsePlan(
    "Oakhanger scrutiny review",
    "oakhanger-scrutiny.txt",
    """
Oakhanger District Council People Scrutiny Committee: review of short breaks for disabled children

# Why we looked at short breaks

Parents told councillors that short breaks were hard to find out about and that places at holiday clubs ran out within days. The committee held four evidence sessions in the spring and visited two providers. We are grateful to the families who shared their experiences with us.

# What we found

Demand for short breaks has doubled since 2021 while the budget has risen by a tenth. Information on the Local Offer is out of date. Some families wait more than six months for an assessment by the disabled children's team.

# Recommendations

Recommendation 1 – The Council should increase the number of holiday club places for disabled children.
Cabinet response: Agreed. The Head of Commissioning will tender for forty more places by May 2025.

Recommendation 2 – The Council should keep the short breaks pages of the Local Offer up to date.
Cabinet response: Agreed. The Local Offer Manager will review the pages every quarter, starting in January 2025.

Recommendation 3 – The Council should set a time limit for assessments by the disabled children's team.
Cabinet response: Agreed in part. A twelve-week standard will be introduced by September 2025, led by the Service Manager, Disabled Children's Team.

Recommendation 4 – The Council should consult families before any change to eligibility for short breaks.
Cabinet response: Agreed. This is already the council's practice, and will continue.

The committee will review progress on these recommendations in a year's time.
""",  # noqa: E501
    (
        Part(
            "Recommendations",
            (
                Item("The Council should increase the number of holiday club places for disabled children.", ref="1", lead_text="Head of Commissioning", due="2025-05"),  # noqa: E501
                Item("The Council should keep the short breaks pages of the Local Offer up to date.", ref="2", lead_text="Local Offer Manager"),  # noqa: E501
                Item("The Council should set a time limit for assessments by the disabled children's team.", ref="3", lead_text="Service Manager, Disabled Children's Team", due="2025-09"),  # noqa: E501
                Item("The Council should consult families before any change to eligibility for short breaks.", ref="4"),  # noqa: E501
            ),
        ),
    ),
)


# 16. A cabinet's response in Word: each recommendation numbered "R1", with the response,
# lead and date on lines after it

PEMBERTON = ProsePlan(
    "Pemberton cabinet response",
    "pemberton-cabinet-response.docx",
    """
# Pemberton Council Cabinet: response to the Education Select Committee's review of alternative provision

# Introduction

The Select Committee's review looked at how pupils with SEND are placed in alternative provision and how their progress is checked. Cabinet thanks the committee and the head teachers who gave evidence. The review made six recommendations, all of which Cabinet has considered.

# Cabinet's response to each recommendation

R1. All placements in alternative provision should be agreed by a multi-agency panel.
Cabinet response: Accepted. The panel will be in place from the start of the autumn term 2025.
Responsible officer: Head of Inclusion and Alternative Provision
Target date: September 2025

R2. Every alternative provision used by the council should be visited at least once a term.
Cabinet response: Accepted.
Responsible officer: Quality Assurance Manager
Target date: Ongoing

R3. The council should publish a directory of registered alternative providers.
Cabinet response: Accepted.
Responsible officer: Head of Inclusion and Alternative Provision
Target date: January 2025

R4. The progress of pupils in alternative provision should be reported to the Schools Forum each year.
Cabinet response: Accepted.
Responsible officer: Head of School Effectiveness
Target date: July 2025

R5. Pupils should return to a mainstream or special school within two terms wherever possible.
Cabinet response: Not accepted. Cabinet agrees with the aim but a fixed limit would not be in every pupil's interests; each placement will instead be reviewed every six weeks.
Responsible officer: Head of Inclusion and Alternative Provision
Target date: Ongoing

# Next steps

Officers will report on the delivery of the accepted recommendations to the Select Committee in twelve months.
""",  # noqa: E501
    (
        Part(
            "Cabinet's response to each recommendation",
            (
                Item("All placements in alternative provision should be agreed by a multi-agency panel.", ref="R1", lead_text="Head of Inclusion and Alternative Provision", due="2025-09"),  # noqa: E501
                Item("Every alternative provision used by the council should be visited at least once a term.", ref="R2", lead_text="Quality Assurance Manager"),  # noqa: E501
                Item("The council should publish a directory of registered alternative providers.", ref="R3", lead_text="Head of Inclusion and Alternative Provision", due="2025-01"),  # noqa: E501
                Item("The progress of pupils in alternative provision should be reported to the Schools Forum each year.", ref="R4", lead_text="Head of School Effectiveness", due="2025-07"),  # noqa: E501
                Item("Pupils should return to a mainstream or special school within two terms wherever possible.", ref="R5", lead_text="Head of Inclusion and Alternative Provision"),  # noqa: E501
            ),
        ),
    ),
)


# Written after the rules above, their halves decided by the same hash, each scored before
# any change made for it.

# 17. An area SEND inspection report: its areas for improvement a paragraph each, the need
# first and what leaders should do after it

QUENBY = ProsePlan(
    "Quenby area SEND inspection",
    "quenby-inspection.txt",
    """
Area SEND inspection of Quenby Local Area Partnership

# Inspection outcome

The local area partnership's arrangements lead to inconsistent experiences and outcomes for children and young people with special educational needs and/or disabilities (SEND). The local area partnership must work jointly to make improvements.

# What is it like to be a child or young person with SEND in this area?

Children with SEND in their early years are identified quickly and get help from a skilled portage team. Older children and young people too often wait a long time for the help they need. Some parents say that they have to fight to be heard.

# Areas for improvement

Too many children and young people wait too long for an assessment of their needs. Leaders should reduce the time it takes to complete education, health and care needs assessments.

Some plans do not reflect the views of the children and young people they are for. Leaders should make sure that plans are written with children and young people and their families.

The transition to adult health services is not well planned. The integrated care board should put in place a clear pathway for young people moving to adult health services.

Leaders do not know enough about how well children with SEND are doing in school. Leaders across the partnership should improve how they gather and use information about the outcomes of children and young people with SEND.

# Local area partnership details

Quenby Borough Council and NHS Quenby Integrated Care Board. Director of Children's Services: Joan Ellery.
""",  # noqa: E501
    (
        Part(
            "Areas for improvement",
            (
                Item("Leaders should reduce the time it takes to complete education, health and care needs assessments."),  # noqa: E501
                Item("Leaders should make sure that plans are written with children and young people and their families."),  # noqa: E501
                Item("The integrated care board should put in place a clear pathway for young people moving to adult health services."),  # noqa: E501
                Item("Leaders across the partnership should improve how they gather and use information about the outcomes of children and young people with SEND."),  # noqa: E501
            ),
        ),
    ),
)


# 18. Minutes of an improvement board, the actions set down in the minutes as they arose

ROTHLEY = ProsePlan(
    "Rothley board minutes",
    "rothley-board-minutes.txt",
    """
Rothley SEND Improvement Board: minutes of the meeting held on 3 February 2025

Present: the independent chair, the Director of Children's Services, the Designated Clinical Officer, the chair of the parent carer forum and the Head of SEND.

1. Apologies and minutes of the last meeting

Apologies were received from the Director of Public Health. The minutes of the meeting held on 9 December were agreed as a correct record.

2. Performance report

The Head of SEND presented the performance report. Timeliness of new plans had improved to 54%. Members asked why the number of annual reviews completed had fallen.
Action: The Head of SEND to bring an analysis of overdue annual reviews to the next meeting. Owner: Head of SEND. By: March 2025.

3. Health update

The Designated Clinical Officer reported that waiting times for occupational therapy remained over a year.
Action: Write to the integrated care board asking for a plan to reduce occupational therapy waits. Owner: Independent Chair. By: February 2025.

4. Co-production

The parent carer forum presented the results of its survey.
Action: Agree a co-production charter with the parent carer forum. Owner: Director of Children's Services. By: April 2025.
Action: Publish a "you said, we did" update on the Local Offer every term. Owner: Head of SEND.

5. Any other business

There was no other business. The next meeting will be held on 17 March 2025.
""",  # noqa: E501
    (
        Part(
            "Performance report",
            (
                Item("The Head of SEND to bring an analysis of overdue annual reviews to the next meeting.", lead_text="Head of SEND", due="2025-03"),  # noqa: E501
            ),
        ),
        Part(
            "Health update",
            (
                Item("Write to the integrated care board asking for a plan to reduce occupational therapy waits.", lead_text="Independent Chair", due="2025-02"),  # noqa: E501
            ),
        ),
        Part(
            "Co-production",
            (
                Item("Agree a co-production charter with the parent carer forum.", lead_text="Director of Children's Services", due="2025-04"),  # noqa: E501
                Item('Publish a "you said, we did" update on the Local Offer every term.', lead_text="Head of SEND"),  # noqa: E501
            ),
        ),
    ),
)


# 19. A strategy update in Word: its priorities a paragraph each, what will be done in them

SAPCOTE = ProsePlan(
    "Sapcote strategy update",
    "sapcote-strategy-update.docx",
    """
# Sapcote SEND Strategy 2023 to 2026: update for 2025

The strategy's second year saw more children's needs met in their local school. This update sets out our priorities for 2025, agreed with the parent carer forum in January.

# Our priorities for 2025

Priority 1: Early identification. We will train every nursery in the new early identification toolkit by July 2025.

Priority 2: Inclusion in mainstream schools. We will open four new resourced provisions by September 2025.

Priority 3: Preparing for adulthood. The Head of 14 to 25 Services will set up a transitions panel for every young person from year 9 by December 2025.

Priority 4: Communication. We will publish a termly newsletter for families.

# Contact us

Email the SEND strategy team at send.strategy@sapcote.example.
""",  # noqa: E501
    (
        Part(
            "Our priorities for 2025",
            (
                Item("We will train every nursery in the new early identification toolkit by July 2025.", due="2025-07"),  # noqa: E501
                Item("We will open four new resourced provisions by September 2025.", due="2025-09"),  # noqa: E501
                Item("The Head of 14 to 25 Services will set up a transitions panel for every young person from year 9 by December 2025.", lead_text="Head of 14 to 25 Services", due="2025-12"),  # noqa: E501
                Item("We will publish a termly newsletter for families."),
            ),
        ),
    ),
)


# 20. An open letter in Word from the council and the health board, with what families told
# them as bullets and what they will do in its sentences

THURLBY = ProsePlan(
    "Thurlby open letter",
    "thurlby-open-letter.docx",
    """
# An open letter to Thurlby families about SEND

Dear families,

Last month we published the findings of the area SEND inspection. We want to tell you what we heard from you, and what happens next.

# What you told us

• Waiting for an assessment takes too long.
• It is hard to get through to the SEND team by phone.
• Schools do not always understand your child's needs.

# What happens next

We have already put extra staff into the SEND team. Over the next term we will set up a single phone line for families, answered every weekday. We have committed to finishing every new assessment within twenty weeks by September 2025. The Head of SEND, Sam Price, will meet the parent carer forum every month to check our progress.

Health partners will also open a new neurodevelopmental assessment clinic by January 2026.

Yours faithfully,
Director of Children's Services and Chief Executive, NHS Thurlby
""",  # noqa: E501
    (
        Part(
            "What happens next",
            (
                Item("Over the next term we will set up a single phone line for families, answered every weekday."),  # noqa: E501
                Item("We have committed to finishing every new assessment within twenty weeks by September 2025.", due="2025-09"),  # noqa: E501
                Item("The Head of SEND, Sam Price, will meet the parent carer forum every month to check our progress.", lead_text="Sam Price, Head of SEND"),  # noqa: E501
                Item("Health partners will also open a new neurodevelopmental assessment clinic by January 2026.", due="2026-01"),  # noqa: E501
            ),
        ),
    ),
)

# fmt: on

PLANS: tuple[ProsePlan, ...] = (
    ALDERLEY, BARNSTEAD, CALDERBROOK, DENHOLM, EASTWICK, FENWAY, GLASSFORD, HARTWELL, IRONBRIDGE,
    JARROWAY, KELSALL, LANGSTONE, MARCHWOOD, NORTHOLT, OAKHANGER, PEMBERTON, QUENBY, ROTHLEY,
    SAPCOTE, THURLBY,
)  # fmt: skip
BLIND: tuple[ProsePlan, ...] = tuple(plan for plan in PLANS if _is_blind(plan.name))


@cache
def parsed(plan: ProsePlan) -> Doc:
    document: Doc = parse_file_inprocess(plan.data(), plan.filename).document
    return document["plan"]


# What a prose plan is scored on: its actions, their refs, words, leads and dates, the headings
# they sit under, and the actions read that the plan does not hold (fewer is better).
EXTRA = "extra actions read"
SCORED = ("actions found", "refs", "titles", "leads", "due dates", "section titles", EXTRA)


def figures(plan: ProsePlan) -> list[accuracy.Figure]:
    reference = plan.reference()
    found = accuracy.agreement(parsed(plan), reference)
    return [figure for figure in found if figure[0] in SCORED] + [
        accuracy.extra_actions(parsed(plan), reference, EXTRA)
    ]
