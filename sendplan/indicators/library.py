"""A starter library of the indicators SEND plans commonly track, for a manager to add to a
plan in one step. Facts only: what is counted, which way is better, and where the published
figure is found. Local figures (health waits, reviews) come from the area's own systems."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LibraryIndicator:
    key: str
    name: str
    definition: str
    unit: str
    better: str
    source: str
    frequency: str


LIBRARY = [
    LibraryIndicator(
        "ehcp-20-weeks",
        "EHC plans issued within 20 weeks",
        "New education, health and care plans issued within the 20-week time limit, as a "
        "percentage of all new plans issued in the year, leaving out those where an exception "
        "to the time limit applies.",
        "%",
        "higher",
        "DfE statistics 'Education, health and care plans' (from the SEN2 return), published "
        "each June for the previous calendar year; local authority open data column "
        "pc_plans_issued_20_weeks_ex. Areas also track it monthly from their own case records.",
        "Yearly (monthly locally)",
    ),
    LibraryIndicator(
        "annual-reviews-on-time",
        "EHC plan annual reviews on time",
        "Annual reviews of EHC plans held within 12 months of the plan or the last review, "
        "with the decision sent within 4 weeks of the meeting, as a percentage of reviews due.",
        "%",
        "higher",
        "The area's own case records; the SEN2 return collects annual reviews from 2025.",
        "Quarterly",
    ),
    LibraryIndicator(
        "tribunal-appeal-rate",
        "SEND Tribunal appeal rate",
        "Appeals registered with the SEND Tribunal as a percentage of the decisions that could "
        "be appealed (refusals to assess or to issue a plan, and plans issued or amended).",
        "%",
        "lower",
        "Ministry of Justice tribunal statistics (SEND appeals by local authority), yearly.",
        "Yearly",
    ),
    LibraryIndicator(
        "suspensions-ehcp",
        "Suspension rate of pupils with an EHC plan",
        "Suspensions of pupils with an EHC plan per 100 such pupils in the academic year.",
        "per 100 pupils",
        "lower",
        "DfE statistics 'Suspensions and permanent exclusions in England', by SEN provision, "
        "academic year.",
        "Yearly (termly locally)",
    ),
    LibraryIndicator(
        "suspensions-sen-support",
        "Suspension rate of pupils at SEN support",
        "Suspensions of pupils at SEN support per 100 such pupils in the academic year.",
        "per 100 pupils",
        "lower",
        "DfE statistics 'Suspensions and permanent exclusions in England', by SEN provision, "
        "academic year.",
        "Yearly (termly locally)",
    ),
    LibraryIndicator(
        "exclusions-ehcp",
        "Permanent exclusion rate of pupils with an EHC plan",
        "Permanent exclusions of pupils with an EHC plan per 100 such pupils in the academic year.",
        "per 100 pupils",
        "lower",
        "DfE statistics 'Suspensions and permanent exclusions in England', by SEN provision, "
        "academic year.",
        "Yearly (termly locally)",
    ),
    LibraryIndicator(
        "absence-ehcp",
        "Overall absence of pupils with an EHC plan",
        "Sessions missed by pupils with an EHC plan, for any reason, as a percentage of "
        "possible sessions.",
        "%",
        "lower",
        "DfE statistics 'Pupil absence in schools in England', by SEN provision, published "
        "for the autumn term, autumn and spring, and the full academic year.",
        "Termly",
    ),
    LibraryIndicator(
        "persistent-absence-ehcp",
        "Persistent absence of pupils with an EHC plan",
        "Pupils with an EHC plan who missed 10% or more of their possible sessions, as a "
        "percentage of such pupils.",
        "%",
        "lower",
        "DfE statistics 'Pupil absence in schools in England', by SEN provision.",
        "Termly",
    ),
    LibraryIndicator(
        "attainment8-ehcp",
        "Attainment 8 of pupils with an EHC plan",
        "Average Attainment 8 score per pupil with an EHC plan at the end of key stage 4.",
        "score",
        "higher",
        "DfE statistics 'Key stage 4 performance', by SEN provision, academic year.",
        "Yearly",
    ),
    LibraryIndicator(
        "neet-send",
        "16 and 17 year olds with SEND not in education, employment or training",
        "Young people aged 16 and 17 with SEND who are not in education, employment or "
        "training, or whose activity is not known, as a percentage of those with SEND.",
        "%",
        "lower",
        "DfE figures on participation and NEET of 16 and 17 year olds by local authority "
        "(from the local authority's client caseload information).",
        "Yearly (monthly locally)",
    ),
    LibraryIndicator(
        "autism-assessment-13-weeks",
        "Autism assessments started within 13 weeks of referral",
        "Children and young people referred for an autism assessment whose assessment started "
        "within 13 weeks of referral (the NICE guideline's standard), as a percentage of those "
        "referred.",
        "%",
        "higher",
        "The NHS providers' own waiting list data, through the integrated care board.",
        "Monthly",
    ),
    LibraryIndicator(
        "salt-18-weeks",
        "Speech and language therapy seen within 18 weeks",
        "Children and young people referred to speech and language therapy who were seen "
        "within 18 weeks, as a percentage of those referred.",
        "%",
        "higher",
        "The NHS providers' own waiting list data, through the integrated care board.",
        "Monthly",
    ),
]

BY_KEY = {item.key: item for item in LIBRARY}
