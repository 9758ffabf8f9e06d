"""Leads as plans write them, and the people they name.

A lead cell may hold a role with initials ("Head of ELS (HH)"), a role with a name
("Transitions Lead (Kevin Lacey)"), names ("Natalie Bevan / Claire Mcguiggan"), initials
("JB/ PW / JG-S"), or a role alone ("LSSB"), often followed by resources ("£1,500 pa.").
`read_leads` splits a cell into mentions; `Directory` matches mentions to the plan's list
of lead officers so each person appears once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sendplan.interchange.parsers.blocks import squash

# Capitals in brackets that name an organisation or a service, not a person.
_NOT_INITIALS = {
    "AWP", "BSAT", "CAMHS", "CCG", "CCHP", "CIC", "CQC", "CYP", "DCO", "DFE", "DMO", "EHC",
    "EHCP", "EP", "HR", "IASS", "ICB", "ICS", "IT", "LA", "LAC", "LSAT", "LSSB", "NHS",
    "NHSE", "NYS", "OT", "PCF", "PFA", "POD", "PODS", "RSC", "SALT", "SDM", "SEN", "SEND",
    "SGC", "TBA", "TBC", "UK", "VCS", "YOT",
}  # fmt: skip
# "HH", "JG-S", and "MO’B" for Maeve O’Brien.
_INITIALS = re.compile(r"(?=(?:[^A-Z]*[A-Z]){2})[A-Z]{1,4}(?:['’][A-Z])?(?:-[A-Z]{1,2})?")
_ROLE_WORDS = {
    "adviser", "advisor", "agencies", "agency", "administrator", "analyst", "assistant",
    "board", "care", "chair", "children", "commissioner", "commissioning", "comms",
    "consultant", "coordinator", "co-ordinator", "council", "designated", "deputy", "director",
    "education", "executive", "forum", "group", "head", "headteacher", "health", "lead",
    "leader", "leads", "manager", "member", "members", "network", "nurse", "officer", "panel",
    "partners", "partnership", "practitioner", "principal", "psychologist", "representative",
    "reps", "school", "schools", "senco", "service", "services", "social", "specialist",
    "strategic", "support", "teacher", "team", "therapist", "trust", "worker",
    # Words of SEND job titles that are capitalised but name no one: "Early Years SEND Lead",
    # "Local Offer Officer", "Quality Assurance Manager".
    "adulthood", "admissions", "assessment", "assurance", "business", "casework", "clinical",
    "disabilities", "disability", "early", "educational", "engagement", "finance",
    "improvement", "inclusion", "information", "intelligence", "local", "medical", "nursing",
    "offer", "operations", "paediatric", "participation", "performance", "placements",
    "programme", "project", "provision", "psychology", "quality", "safeguarding", "skills",
    "therapy", "therapies", "transition", "transitions", "transport", "visiting", "years",
    # And of the posts of partners: "Voluntary Sector Lead", "Youth Justice Manager".
    "autism", "community", "mental", "sector", "voluntary", "wellbeing", "youth",
}  # fmt: skip
# Words no one is named, though they are not a post's either: "Parent Carer Forum Chair" is a
# post, not someone called "Parent Carer"; "Parent/Carer" in a sentence is no one's post.
_NOT_NAMES = _ROLE_WORDS | {
    "annual", "carer", "carers", "families", "family", "parent", "parents", "review", "reviews",
}  # fmt: skip
_NAME_WORD = re.compile(r"(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?")
# A word in the possessive: "Children's", "Young People’s".
_POSSESSIVE = re.compile(r"['’]s$")
_NAME_PARTICLES = {"van", "de", "der", "le", "la", "von", "da"}
_BRACKETS = re.compile(r"\(([^()]*)\)")
_SEPARATORS = re.compile(r"\s*(?:/|;|\n|\s\|\s)\s*")
_NAMES_JOINED = re.compile(r"(.+?)\s+(?:&|and)\s+(.+)")
_POSTS_JOINED = re.compile(r"\s+(?:and|&)\s+")
_STOPWORDS = {"of", "and", "the", "for", "to", "in", "a", "at", "with", "&"}


@dataclass
class Mention:
    """One lead as written: any of role, name and initials may be missing."""

    text: str
    role: str = ""
    name: str = ""
    initials: str = ""
    email: str = ""
    organisation: str = ""


@dataclass
class LeadCell:
    mentions: list[Mention] = field(default_factory=list)
    # Words in a "Lead and resource" cell that name nobody.
    resources: list[str] = field(default_factory=list)


# "M.S", "K.McN", "J.B.": initials written with full stops.
_DOTTED_INITIALS = re.compile(r"[A-Z]\.(?:(?:Mc|Mac|O['’])?[A-Z]\.?){1,3}|[A-Z](?:\.[A-Z]){1,3}\.?")


def is_initials(text: str) -> bool:
    if _DOTTED_INITIALS.fullmatch(text):
        return True
    return bool(_INITIALS.fullmatch(text)) and text not in _NOT_INITIALS


_HONORIFIC = re.compile(r"(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Cllr|Sir|Dame)\.?")
_INITIAL = re.compile(r"[A-Z]\.")


def is_name(text: str) -> bool:
    """Two to four capitalised words that are not the words of a job title: "Jane Brown",
    "Dr. Mike Lee", "J. Patel"."""
    words = text.split()
    if words and _HONORIFIC.fullmatch(words[0]) and len(words) > 1:
        words = words[1:]
        if len(words) == 1:
            return bool(_NAME_WORD.fullmatch(words[0])) and words[0].lower() not in _ROLE_WORDS
    if not 2 <= len(words) <= 4:
        return False
    for index, word in enumerate(words):
        if word.lower() in _NAME_PARTICLES:
            continue
        if index < len(words) - 1 and _INITIAL.fullmatch(word):
            continue
        if not _NAME_WORD.fullmatch(word) or word.lower() in _NOT_NAMES:
            return False
        if _POSSESSIVE.search(word):
            # "Children's Continuing Care Manager": a word in the possessive belongs to a
            # post's words, never to a person's name (rule `possessive-not-name`).
            return False
    return True


_MIN_WORDS_BEFORE_NAME = 3


def trailing_name(text: str) -> tuple[str, str] | None:
    """("Data benchmarking for SEND", "Luke Ede") when a cell's words end on a person's first
    and last name, as when a lead column ran into the cell before it; not when the words
    before are too few to be anything but more of the name."""
    words = text.split()
    if len(words) < _MIN_WORDS_BEFORE_NAME + 2:
        return None
    name = " ".join(words[-2:])
    before = words[-3]
    if not is_name(name) or before.lower() in _NAME_PARTICLES or _INITIAL.fullmatch(before):
        return None
    return " ".join(words[:-2]), name


def is_role_word(word: str) -> bool:
    """A word job titles end on or are made of: "Lead", "Officer", "Manager", "Team"."""
    return word.lower() in _ROLE_WORDS


def _has_role_word(text: str) -> bool:
    return any(word in _ROLE_WORDS for word in re.findall(r"[a-z][a-z\-]+", text.lower()))


def _looks_like_resources(text: str) -> bool:
    return "£" in text or bool(re.match(r"^\d", text))


def _leading_name(text: str) -> tuple[str, str] | None:
    """("Guy Halley", "Team Leader ...") when a name starts the words."""
    words = text.split()
    for size in (3, 2):
        rest = words[size:]
        # "Local Offer Officer", "Early Years Lead": one role word after capitals is a job
        # title, not a name and a role.
        if len(rest) == 1 and is_role_word(rest[0]):
            continue
        if rest and is_name(" ".join(words[:size])):
            return " ".join(words[:size]), " ".join(rest)
    return None


_NAME_ROLE_SPLIT = re.compile(r"\s*,\s+|\s+[–—-]\s+")


def _person_and_role(text: str) -> Mention | None:
    """A person and a job title set apart by a comma or a dash, either way round: "Sarah
    O'Neill, Head of Inclusion", "Head of Inclusion – Sarah O'Neill", "Principal EP – LW"."""
    parts = _NAME_ROLE_SPLIT.split(text, maxsplit=1)
    if len(parts) != 2:
        return None
    for who, post in (parts, parts[::-1]):
        if not (_has_role_word(post) or post.isupper()) or is_initials(post):
            continue
        if is_name(who):
            return Mention(text, name=who, role=post)
        if is_initials(who):
            return Mention(text, initials=who, role=post)
    return None


def _name_then_role(text: str) -> tuple[str, str] | None:
    """("Eleanor Whitcombe", "Inclusion Lead") for "Eleanor Whitcombe, Inclusion Lead"; also
    "Eleanor Whitcombe - Inclusion Lead"."""
    match = re.match(r"^(.+?)\s*(?:,|\s[–\-]\s)\s*(\S.*)$", text)
    if not match or not is_name(match.group(1)) or is_name(match.group(2)):
        return None
    role = match.group(2).strip(" ,;")
    if not _has_role_word(role) and not role.isupper():
        return None
    return match.group(1), role


def _whole_part(part: str, *, first: bool = True) -> Mention | None:
    """A part with no bracketed initials or name: one lead, unless it reads as resources.

    After a lead on the lines above, a line in words that is no name, initials or job title
    ("Resource to be outlined in the 2 year plan", "Bid submitted.") is the resource half of a
    "Lead and resource" cell; capitals alone ("SC SDM") are a post's initials.
    """
    if _looks_like_resources(part):
        return None
    if is_initials(part):
        return Mention(part, initials=part)
    if is_name(part):
        return Mention(part, name=part)
    paired = _person_and_role(part)
    if paired:
        return paired
    named = _name_then_role(part)
    if named:
        return Mention(part, name=named[0], role=named[1])
    leading = _leading_name(part)
    if leading:
        return Mention(part, name=leading[0], role=leading[1].strip(" ()"))
    written_out = any(word.islower() for word in part.split())
    if not first and (part.endswith(".") or (written_out and not _has_role_word(part))):
        return None
    return Mention(part, role=part)


def _trailing(text: str, cell: LeadCell) -> None:
    """Words after the last bracketed lead: another role, or resources."""
    text = text.strip(" ,;-–")
    if not text:
        return
    if _has_role_word(text) and not _looks_like_resources(text) and not text.endswith("."):
        cell.mentions.append(_whole_part(text) or Mention(text, role=text))
    else:
        cell.resources.append(text)


_BRACKETED_AND = re.compile(r"(?<=\))\s+(?:and|&)\s+")
_NAME_THEN_BRACKETED_ROLE = re.compile(r"(.+?)\s*\(\s*([^()]*[A-Za-z][^()]*?)\s*\)\s*")
_LIST_SEPARATOR = re.compile(r"\s*(?:,|&|\band\b)\s*")


def _listed_leads(part: str) -> list[Mention]:
    """ "Karen Moss, Simon Pryce" or "KM, SP & JN": several names, or several initials,
    separated by commas (a comma also separates a name from a role, so only when every piece
    is a name, or every piece is initials)."""
    if "," not in part and "&" not in part:
        return []
    pieces = [piece for piece in _LIST_SEPARATOR.split(part) if piece]
    if len(pieces) < 2:
        return []
    if all(is_name(piece) for piece in pieces):
        return [Mention(piece, name=piece) for piece in pieces]
    if all(is_initials(piece) for piece in pieces):
        return [Mention(piece, initials=piece) for piece in pieces]
    return []


def _named_roles_joined(part: str) -> list[Mention]:
    """ "Sam Okoro, Head of Inclusion & Sarah Bell, DCO": two people, each with a role."""
    pieces = re.split(r"\s+(?:&|and)\s+", part)
    if len(pieces) < 2:
        return []
    found = []
    for piece in pieces:
        named = _name_then_role(piece)
        if named is None:
            return []
        found.append(Mention(piece, name=named[0], role=named[1]))
    return found


_NOTE_AFTER = re.compile(r"(.*?\S)\s*\((?![a-z]{2,6}\))[a-z][A-Za-z ]{2,40}\)\.?")
_EMAIL = re.compile(r"\s*[(<]?\s*([\w.+'-]+@[\w-]+(?:\.[\w-]+)+)\s*[)>]?\s*")
# A lead, then those who help: "LA with support from all partners", "ICB supported by LA".
_SUPPORTED = re.compile(
    r"^(.+?)[\s,]+(?:with (?:the )?support (?:from|of)|supported by|with input from"
    r"|working with|in partnership with|assisted by|with help from)\s+\S.*$",
    re.I,
)


def _organisation(text: str) -> bool:
    """An organisation or service written in capitals ("LA", "ICB", "CAMHS"): one side of
    "LA and ICB". Job titles joined by "and" ("Head of Education and Skills") are one post."""
    return bool(re.fullmatch(r"[A-Z]{2,6}s?", text.strip()))


def _initials_and_post(first: str, second: str) -> bool:
    """Initials one side of "and", a post of one or two words the other ("ZW and Directors",
    "Heads of Service and JB"): two leads, not one post."""

    def post(text: str) -> bool:
        words = text.split()
        return 1 <= len(words) <= 2 and text[:1].isupper() and is_role_word(words[-1].rstrip("s"))

    return (is_initials(first) and post(second)) or (post(first) and is_initials(second))


def _read_part(part: str, cell: LeadCell) -> None:
    if _BRACKETED_AND.search(part):
        # "Jane Brown (Head of SEND) and Sam Lee (DCO)": a lead each side of the "and".
        for piece in _BRACKETED_AND.split(part):
            _read_part(piece, cell)
        return
    email = _EMAIL.search(part)
    if email:
        # "Amira Haddad (amira.haddad@...)": the address belongs to the lead before it.
        before = len(cell.mentions)
        rest = squash(part[: email.start()] + " " + part[email.end() :])
        if rest:
            _read_part(rest, cell)
        if len(cell.mentions) == before:
            cell.mentions.append(Mention(part, role=""))
        cell.mentions[-1].email = email.group(1)
        cell.mentions[-1].text = part
        return
    listed = _listed_leads(part) or _named_roles_joined(part)
    if listed:
        cell.mentions.extend(listed)
        return
    names = _NAMES_JOINED.fullmatch(part)
    if names and is_name(names.group(1)) and is_name(names.group(2)):
        # "Lisa Seymour & Kate Jordan": two leads.
        cell.mentions.extend(Mention(name, name=name) for name in names.groups())
        return
    if names and is_initials(names.group(1)) and is_initials(names.group(2)):
        # "JB and PW": two leads by their initials.
        cell.mentions.extend(Mention(found, initials=found) for found in names.groups())
        return
    if names and _initials_and_post(names.group(1), names.group(2)):
        # "ZW and Directors": someone by their initials and a post, each a lead.
        for found in names.groups():
            if is_initials(found):
                cell.mentions.append(Mention(found, initials=found))
            else:
                cell.mentions.append(Mention(found, role=found))
        return
    if names and _organisation(names.group(1)) and _organisation(names.group(2)):
        # "LA and ICB": two organisations leading together.
        cell.mentions.extend(Mention(found, role=found) for found in names.groups())
        return
    noted = _NOTE_AFTER.fullmatch(part)
    if noted:
        # "NAS (funded by DfE)", "Jo Smith (interim)": a note in brackets, in lower case, after
        # the lead; a role or initials in brackets start with a capital.
        _read_part(noted.group(1), cell)
        return
    supported = _SUPPORTED.match(part)
    if supported:
        # "LA with support from health": the lead is the LA; the rest only help.
        _read_part(supported.group(1), cell)
        return
    cursor = 0
    found_any = False
    # "(A.B) LA (C.McK) ICB": initials first, each followed by where the person works.
    orgs_after = part.lstrip().startswith("(")
    for bracket in _BRACKETS.finditer(part):
        inside = bracket.group(1).strip()
        after = part[bracket.end() :]
        # "Head of Commissioning (CCG) – Children ..." keeps going: the brackets are the role's.
        if re.match(r"\s*[–\-,]", after):
            continue
        if is_initials(inside):
            mention = Mention("", initials=inside)
        elif is_name(inside):
            mention = Mention("", name=inside)
        elif _EMAIL.fullmatch(inside):
            # "Jane Brown (jane.brown@council.gov.uk)": the words before are who it is.
            who = part[cursor : bracket.start()].strip(" ,;-–")
            mention = _whole_part(who) or Mention(who, role=who)
            mention.email = inside
        else:
            continue
        between = part[cursor : bracket.start()].strip(" ,;-–")
        if orgs_after and cell.mentions and found_any and _organisation(between):
            cell.mentions[-1].organisation = between
        elif not mention.email:
            mention.role = between
            if _DOTTED_INITIALS.fullmatch(mention.initials) and _organisation(mention.role):
                # "CCG (K.McN)": capitals beside initials written with full stops are where the
                # person works. Beside plain initials they may be a post ("DMO (JB)").
                mention.organisation, mention.role = mention.role, ""
        mention.text = part[cursor : bracket.end()].strip(" ,;-–")
        if mention.initials and is_name(mention.role):
            # "Karen Moss (KM)": a name with its initials, not a role.
            mention.name, mention.role = mention.role, ""
        cell.mentions.append(mention)
        cursor = bracket.end()
        found_any = True
    if found_any:
        rest = part[cursor:].strip(" ,;-–")
        if orgs_after and _organisation(rest) and cell.mentions[-1].initials:
            cell.mentions[-1].organisation = rest
            return
        _trailing(part[cursor:], cell)
        return
    role_after = _NAME_THEN_BRACKETED_ROLE.fullmatch(part)
    if role_after and is_name(role_after.group(1)):
        # "Karen Moss (Head of SEND)": the brackets give the named person's role.
        cell.mentions.append(Mention(part, name=role_after.group(1), role=role_after.group(2)))
        return
    whole = _whole_part(part, first=not cell.mentions)
    if whole is None:
        cell.resources.append(part)
    else:
        cell.mentions.append(whole)


def without_resources(text: str, cell: LeadCell) -> str:
    """The words of a lead cell that name leads, without the resources written after them."""
    text = "\n".join(squash(line) for line in text.replace("\t", " ").split("\n"))
    for resource in cell.resources:
        text = text.replace(resource, " ", 1)
    lines = [squash(line).strip(" ,;") for line in text.split("\n")]
    return "\n".join(line for line in lines if line)


# The word that ends a post, alone on a line: a cell's words wrapped before it ("SEND
# Performance" / "Officer"), for no post is only "Officer".
_POST_END_ALONE = re.compile(
    r"\n[ \t]*((?:officer|manager|lead|co-?ordinator|director|adviser|advisor|commissioner"
    r"|practitioner|specialist|partner|officers|managers|leads)[ \t]*)(?=\n|$)",
    re.I,
)


# A line that ends with a comma or a joining word runs on: "Assistant Director,\nEducation"
# is one post wrapped in its cell, not two leads.
_LINE_RUNS_ON = re.compile(r"([,&]|\b(?:and|of|for))[ \t]*\n[ \t]*", re.I)


def read_leads(text: str) -> LeadCell:
    cell = LeadCell()
    text = _LINE_RUNS_ON.sub(r"\1 ", _POST_END_ALONE.sub(r" \1", text))
    for part in _SEPARATORS.split(text.replace("\t", " ")):
        part = squash(part)
        if part:
            _read_part(part, cell)
    return cell


def initials_of(name: str) -> str:
    """ "Helean Hughes" -> "HH"; "Jo Green-Smith" -> "JG-S"."""
    parts = []
    for word in name.split():
        if word.lower() in _NAME_PARTICLES:
            continue
        apostrophe = re.match(r"([OD])(['’])([A-Z])", word)
        if apostrophe:
            # "O’Brien" -> "O’B", as plans write it.
            parts.append("".join(apostrophe.groups()))
            continue
        parts.append("-".join(piece[0].upper() for piece in word.split("-") if piece))
    return "".join(parts)


def slug(text: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))[:60] or "person"


def _role_words(role: str) -> list[str]:
    """Words of a job title, with acronyms kept as written so they can stand for several."""
    words = []
    for word in re.findall(r"[A-Za-z0-9][A-Za-z0-9'’\-]*", role):
        if word.lower() in _STOPWORDS:
            continue
        words.append(word if word.isupper() and len(word) > 1 else word.lower().rstrip("'’"))
    return words


def _stem(word: str) -> str:
    word = word.replace("’", "'").removesuffix("'s")
    return word[:-1] if word.endswith("s") and len(word) > 4 else word


def _covers(word: str, others: list[str]) -> bool:
    """Whether a word of one title is found in another: same word, shortening, or acronym."""
    if word.isupper():
        letters = word.lower()
        initials = "".join(other[0].lower() for other in others if other)
        if letters in initials:
            return True
        word = word.lower()
    stem = _stem(word)
    for other in others:
        other_stem = _stem(other.lower())
        if stem == other_stem:
            return True
        if len(stem) >= 4 and (other_stem.startswith(stem) or stem.startswith(other_stem)):
            return True
    return False


def role_similarity(first: str, second: str) -> float:
    """How far two job titles name the same post: "Head of CPP" and "Head of Commissioning,
    Partnerships and Performance" score 1.0; "Senior EP" and "Designated Medical Officer" 0."""
    a, b = _role_words(first), _role_words(second)
    if not a or not b:
        return 0.0
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return sum(1 for word in shorter if _covers(word, longer)) / len(shorter)


def same_name(first: str, second: str) -> bool:
    return squash(first).lower() == squash(second).lower()


@dataclass(eq=False)
class Person:
    name: str = ""
    role: str = ""
    initials: str = ""
    organisation: str = ""
    email: str = ""
    listed: bool = False
    key: str = ""

    def describe(self) -> str:
        return self.name or self.role or self.initials


@dataclass
class Resolution:
    person: Person
    # Why the lead is not someone from the plan's list of lead officers, if it is not.
    problem: str | None = None


_MATCH = 0.5
_ROLE_ONLY_MATCH = 0.75


class Directory:
    """Everyone the plan names, each once."""

    def __init__(self) -> None:
        self.people: list[Person] = []

    @property
    def has_list(self) -> bool:
        return any(person.listed for person in self.people)

    def add_listed(self, person: Person) -> None:
        person.listed = True
        if person.name and not person.initials:
            person.initials = initials_of(person.name)
        self.people.append(person)

    def _by_name(self, name: str) -> Person | None:
        return next((p for p in self.people if p.name and same_name(p.name, name)), None)

    def _by_initials(self, mention: Mention) -> Person | None:
        candidates = [p for p in self.people if p.initials == mention.initials]
        if not mention.role:
            return candidates[0] if len(candidates) == 1 else None
        scored = sorted(
            ((role_similarity(mention.role, p.role) if p.role else _MATCH, p) for p in candidates),
            key=lambda pair: -pair[0],
        )
        if not scored or scored[0][0] < _MATCH:
            return None
        if len(scored) > 1 and scored[1][0] == scored[0][0]:
            return None
        return scored[0][1]

    def _by_role(self, mention: Mention) -> Person | None:
        named_in_text = [
            p for p in self.people if p.name and p.name.lower() in mention.text.lower()
        ]
        if len(named_in_text) == 1:
            return named_in_text[0]
        if _joins_posts(mention.role, self.people):
            # "Early Years SEND Lead and Designated Clinical Officer", both leads of the plan on
            # their own: two leads (split_joined_posts), however like one of them it reads.
            return None
        scored = sorted(
            (
                (role_similarity(mention.role, p.role), p)
                for p in self.people
                if p.role and not _joins_posts(p.role, [Person(role=mention.role)])
            ),
            key=lambda pair: -pair[0],
        )
        clear = len(scored) == 1 or (len(scored) > 1 and scored[1][0] < scored[0][0])
        if scored and scored[0][0] >= _ROLE_ONLY_MATCH and clear:
            return scored[0][1]
        return None

    def resolve(self, mention: Mention) -> Resolution:
        had_list = self.has_list
        if mention.name:
            found = self._by_name(mention.name)
        elif mention.initials:
            found = self._by_initials(mention)
        else:
            found = self._by_role(mention)
        if found is not None:
            if not found.role and mention.role:
                found.role = mention.role
            if not found.initials and mention.initials:
                found.initials = mention.initials
            if not found.email and mention.email:
                found.email = mention.email
            if not found.organisation and mention.organisation:
                found.organisation = mention.organisation
            problem = None
            if had_list and not found.listed:
                problem = "is not in the plan's list of lead officers"
            return Resolution(found, problem)
        person = Person(
            name=mention.name,
            role=mention.role,
            initials=mention.initials,
            email=mention.email,
            organisation=mention.organisation,
        )
        self.people.append(person)
        problem = None
        if had_list:
            problem = "is not in the plan's list of lead officers; added as a new person"
        return Resolution(person, problem)

    def merge_roles(self) -> dict[int, Person]:
        """People known only by a post ("Designated Clinical Officer") who are, by that post,
        clearly one person named elsewhere in the plan ("Designated Clinical Officer (Helen
        Marsh)"), even when the name comes later: taken out, and who they are, by id."""
        named = [p for p in self.people if p.name and p.role]
        merged: dict[int, Person] = {}
        for person in self.people:
            if person.name or person.initials or person.listed or not person.role:
                continue
            scored = sorted(
                ((role_similarity(person.role, other.role), other) for other in named),
                key=lambda pair: -pair[0],
            )
            if not scored or scored[0][0] < _ROLE_ONLY_MATCH:
                continue
            if len(scored) > 1 and scored[1][0] == scored[0][0]:
                continue
            merged[id(person)] = scored[0][1]
        self.people = [p for p in self.people if id(p) not in merged]
        return merged

    def split_joined_posts(self) -> dict[int, list[Person]]:
        """People known only by two posts joined by "and" ("Head of SEN Assessment and
        Designated Clinical Officer") where the plan names each post on its own as a lead
        elsewhere: two leads, not one post. Posts that are one job ("Head of Education and
        Skills") are only split when both halves are leads of the plan in their own right.
        Taken out, and who they are, by id."""
        posts = {
            person.role.casefold(): person
            for person in self.people
            if person.role and not person.name and not person.initials
        }
        split: dict[int, list[Person]] = {}
        for person in self.people:
            if person.name or person.initials or person.listed or not person.role:
                continue
            for joint in _POSTS_JOINED.finditer(person.role):
                first = person.role[: joint.start()].strip()
                second = person.role[joint.end() :].strip()
                found = [posts.get(first.casefold()), posts.get(second.casefold())]
                if all(p is not None and p is not person for p in found):
                    split[id(person)] = [p for p in found if p is not None]
                    break
        self.people = [p for p in self.people if id(p) not in split]
        return split

    def assign_keys(self, *, use_initials: bool) -> list[str]:
        """Give everyone a unique key; returns notes on initials that had to give way."""
        notes = []
        bases: dict[str, list[Person]] = {}
        for person in self.people:
            if use_initials and not person.initials and person.name:
                person.initials = initials_of(person.name)
            base = person.initials if use_initials and person.initials else ""
            bases.setdefault(base or f"~{id(person)}", []).append(person)
        taken: set[str] = set()
        for base, group in bases.items():
            shared = len(group) > 1 and not base.startswith("~")
            if shared:
                described = "; ".join(p.describe() for p in group)
                notes.append(
                    f"{len(group)} people share the initials {base} ({described}); "
                    "their keys use their names or roles instead."
                )
            for person in group:
                use_base = not shared and not base.startswith("~")
                key = base if use_base else slug(person.name or person.role or person.initials)
                candidate, number = key, 2
                while candidate in taken:
                    candidate, number = f"{key}-{number}", number + 1
                person.key = candidate
                taken.add(candidate)
        return notes

    def as_list(self) -> list[dict[str, str]]:
        out = []
        for person in self.people:
            entry = {"key": person.key}
            for field_name in ("name", "role", "organisation", "email"):
                value = getattr(person, field_name)
                if value:
                    entry[field_name] = value
            out.append(entry)
        return out


# "JB – Jane Brown, Head of SEND": a line of a list of lead officers, perhaps bulleted.
_OFFICER_LINE = re.compile(
    r"^(?:[•▪◦·*-]\s+)?(?P<initials>[A-Z]{2,4}(?:-[A-Z]{1,2})?)\s*(?:[–—:=]|-\s)\s*"
    r"(?P<name>[^,(–—]+?)\s*(?:[,(–—]\s*(?P<role>.+?)\)?)?$"
)


def officer_line(text: str) -> Person | None:
    """The person a line of a list of lead officers names by initials, name and role ("JB –
    Jane Brown, Head of SEND"), or None."""
    match = _OFFICER_LINE.match(squash(text))
    if not match or not is_initials(match.group("initials")):
        return None
    name, role = match.group("name"), (match.group("role") or "").strip()
    if not is_name(name):
        return None
    return Person(name=name, role=role, initials=match.group("initials"))


_BULLET = re.compile(r"^[•▪◦·*-]\s+")
_EMAIL_AFTER = re.compile(r"\s*\(\s*(?P<email>[^\s()@]+@[^\s()]+)\s*\)$")


def named_line(text: str) -> Person | None:
    """The person a line of a list of people names by name and post, with no initials
    ("Mark Bose – SEND Programme Manager", "Jess Lowry, Local Offer Manager
    (jess.lowry@example.gov.uk)"), or None (rule `people-listed`)."""
    line = _BULLET.sub("", squash(text))
    email = _EMAIL_AFTER.search(line)
    if email:
        line = line[: email.start()]
    found = _name_then_role(line)
    if found is None:
        return None
    return Person(name=found[0], role=found[1], email=email.group("email") if email else "")


def _joins_posts(role: str, others: list[Person]) -> bool:
    """Whether a post is two posts joined by "and" of which one is the post of someone else
    in the plan, and the other a post in its own right ("Early Years SEND Lead and
    Designated Clinical Officer"): never the same person as either alone."""
    known = {p.role.casefold() for p in others if p.role and p.role.casefold() != role.casefold()}
    for joint in _POSTS_JOINED.finditer(role):
        first, second = role[: joint.start()].strip(), role[joint.end() :].strip()
        if (first.casefold() in known and _has_role_word(second)) or (
            second.casefold() in known and _has_role_word(first)
        ):
            return True
    return False
