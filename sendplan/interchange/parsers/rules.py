"""Every rule the importer reads a plan by, each with a code, in one ordered list.

A report item names the rule that wrote it, and so does every action and section the
importer places, with how sure it is. A person sees why something was read as it was (on the
check page, or with `sendplan parse --explain`), and a test asks for a rule by its code
instead of searching the words of a message.

The list runs in the order a plan is read: the file, its paragraphs, its tables' columns and
rows, sections, actions, and what is settled once the whole plan has been read. Adding a rule
is one line here, used where the rule is applied.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    code: str
    # What the rule does, in a few words a programme manager would follow.
    does: str

    def __str__(self) -> str:
        return self.code


# Reading the file
FILE_CHECK = Rule("file-check", "what checking the file found (macros, hidden sheets)")
# Colours and computed values as Office stores them (readers/office_colours, xlsx_formulas)
OFFICE_THEME_FILLS = Rule(
    "office-theme-fills",
    "a rating cell filled from the theme's colours (a theme colour lightened or darkened, no "
    "RGB kept), or with a pattern over its fill, read as the colour it shows",
)
XLSX_STRICT = Rule(
    "xlsx-strict",
    "a workbook saved as Strict Open XML read as the ordinary .xlsx it matches (its ISO "
    "namespaces written as the usual ones, in memory)",
)
XLSX_PERCENT_SHOWN = Rule(
    "percent-shown",
    'an Excel number formatted as a per cent ("0%" over 0.5) read as the sheet shows it, '
    '"50%", never as a number a ref column might hold',
)
XLSX_ROW_OUTLINE = Rule(
    "row-outline-levels",
    "rows an Excel sheet groups under the row above them and indents (its outline, as "
    "Smartsheet and Project export parent and child rows), on a sheet with no outline column: "
    "each row's level read as an outline level column",
)
DOCX_STRICT = Rule(
    "docx-strict",
    "a Word document saved as Strict Open XML read as the ordinary .docx it matches",
)
XLSX_RULE_COLOURS = Rule(
    "xlsx-rule-colours",
    'an Excel cell a conditional format shows as a rating colour: a code a rule "equal to" '
    'or a formula on the cell fills, a short code a "cell contains" rule fills, or a '
    "number under a traffic-light icon set, read as that colour",
)
XLSX_FORMULAS_COMPUTED = Rule(
    "xlsx-formulas-computed",
    "an Excel formula saved without its value (by a tool that does not calculate) computed "
    "when it is simple (references, IF, DATE, joining text); others are left empty and counted",
)
XLSX_LOOKUPS_COMPUTED = Rule(
    "xlsx-lookups-computed",
    "an Excel lookup saved without its value (VLOOKUP, HLOOKUP, INDEX with MATCH, XLOOKUP) "
    "worked out over the workbook's own sheets, by exact match or by approximate match on keys "
    "in order",
)
DOCX_MARKED_RATINGS = Rule(
    "docx-marked-ratings",
    "a Word cell holding no words, only highlighted blank text or a coloured symbol (a dot, a "
    "Wingdings circle), read as the rating colour it shows",
)
# Reading a PDF's tables: shown with each table they shaped (`sendplan parse --explain`)
UNRULED_UNDER_LINE = Rule(
    "unruled-under-line",
    "a table drawn without ruling lines under a line of words run across its columns (a key "
    "or a title): the table starts under the line, and the line stays outside it",
)
UNRULED_WORD_BREAKS = Rule(
    "unruled-word-breaks",
    "in a table drawn without ruling lines, a cell's lines are joined between words, never "
    "inside a word: where the column ends is only where its longest line ends, which does not "
    'show that line\'s last word was cut ("Portfolio" over "holder" is two words)',
)
UNRULED_ROWS_RULED = Rule(
    "unruled-rows-ruled",
    "a table with no rules between its columns but a rule under every row, the cells of a "
    "row running over several lines: the rules part its rows (three or more, each starting "
    "with a line filled across the columns), and its headings above the first rule are one "
    "row however many lines they run over; a rule broken where a cell merged down crosses it, "
    "or drawn cell by cell, is one rule",
)
UNRULED_BAND_WITH_REF = Rule(
    "unruled-band-with-ref",
    "in a table drawn without rules between its columns, a line with a ref in the first "
    'column and words run across the others ("2.1   Fewer children are excluded") is a band '
    "across the table (a section's name), which does not end it",
)
UNRULED_BAND_HEADING = Rule(
    "unruled-band-heading",
    "a line right above a table drawn without rules whose words each start where one of its "
    'later columns starts ("RAG 2025/26" over the quarters): a heading row over those '
    "columns, not a title above the table",
)
UNRULED_TOP_AND_FOOT = Rule(
    "unruled-top-and-foot",
    "in a table drawn without rules, a tall row's long words set at its top and its ref, lead "
    "and date at its foot (as a spreadsheet sets them unless told otherwise): the lines above "
    "the ref's line are that row's, not the row before's, where they did not wrap on from it "
    "and the row has no words of its own in their columns",
)
UNRULED_CLOSE_COLUMN = Rule(
    "unruled-close-column",
    "in a table drawn without rules, a column whose words start at one place on at least "
    "three lines starts there even where a cell before it runs almost up to it, less than a "
    "gutter away (a sheet printed small, its long text filling the cell)",
)
UNRULED_SECTION_ROW = Rule(
    "unruled-section-row",
    "a line inside a table drawn without rules that is one run of words from its first column "
    "across the next (a section's name, as a sheet printed without gridlines shows it): a row "
    "of its own, the line after it starting the next",
)
UNRULED_RIGHT_ALIGNED = Rule(
    "unruled-right-aligned",
    "in a table drawn without rules, a heading starting where no column starts, just right of "
    "where words of the body end and crossed by none (dates and numbers a spreadsheet sets at "
    "the right of their cells): a column starts at the heading, not where its words start",
)
UNRULED_ROWS_TIGHT = Rule(
    "unruled-rows-tight",
    "rows of a table drawn without rules parted by a gap at least 1.6 times that between the "
    "lines of a cell, however small the type (a sheet printed in small type parts its rows by "
    "4 points and its wrapped lines by 2): each such gap starts a row",
)
PAGES_BESIDE = Rule(
    "pages-beside",
    "a page whose rows stand at the heights of the page before's, as a sheet wider than the "
    "page prints its next columns, set beside that page, where the two make a table across "
    "both that neither made alone",
)
SHADED_COLUMN = Rule(
    "shaded-column-unruled",
    "a narrow column of shaded boxes alone, beside a table drawn without rules (its ratings, "
    "each cell filled in its colour), read as that table's column, not a table of its own",
)
SHADED_BAND = Rule(
    "shaded-band-unruled",
    "shaded boxes side by side with no words in them (a spreadsheet printed without gridlines "
    "draws its coloured cells so), read as the shading of the cells of the table drawn without "
    "rules they lie in, not a table of their own",
)
SHADED_NOT_RULED = Rule(
    "shaded-not-ruled",
    "a table the page draws only as shaded boxes (a heading row and rating cells filled in "
    "colour, no line drawn), whose words line up in more columns than the boxes have: read as "
    "a table without rules, the boxes shading its cells",
)
BODY_UNDER_HEADINGS = Rule(
    "unruled-body-under-headings",
    "a table drawn without rules right under a ruled one (its heading rows, shaded) whose "
    "columns start where the ruled one's text does: its rows are the ruled table's, each cell "
    "in the column it stands under",
)
TWO_COLUMNS_UNDER_HEADINGS = Rule(
    "two-columns-under-headings",
    "lines under a table of two columns whose only drawn row is its headings, each line's "
    "words falling in both columns and none across their edge, read as that table's rows (as "
    "with three columns or more)",
)
HOLES_FILLED = Rule(
    "ruled-table-holes",
    "words inside a ruled table's frame but in no cell drawn (the rules between some columns "
    "left out, only a heading row or a rating column shaded) given to the place on the "
    "table's grid they sit in",
)
HEADING_WRAPPED_WIDE = Rule(
    "heading-wrapped-wide",
    "a heading in a larger or bold font on a wide page, its first line holding more words "
    "than a heading's line usually does, read as a heading where its next line carries it on "
    "in the same font and is a heading's line",
)
LONE_BULLET_MARK = Rule(
    "lone-bullet-mark",
    "a PDF table cell holding one round bullet and nothing else is the filled circle '●' a plan "
    "rates with (the reader gives every font's bullet as '•', to find lists)",
)
PDF_MARKS = Rule(
    "pdf-marks",
    'the words of a watermark or a stamp drawn across a PDF\'s pages ("DRAFT", "OFFICIAL") '
    "left out, known by how they are drawn: faint and turned, or large and faint or slanted",
)
HYPHENATED_WORDS = Rule(
    "hyphenated-words",
    "a word a PDF's typesetter broke at the end of a line with a hyphen of its own (Unicode's "
    "hyphen or a soft hyphen), the next line going on in lower case, joined again without it",
)
MARKDOWN_MARKS = Rule(
    "markdown-marks",
    'pasted Markdown ("### 1.1 Title", "- **Lead:** Jo Bell"): the heading hashes and strong '
    "marks set aside, so its headings and labelled lines read as typed without them",
)
WRAPPED_LINES = Rule(
    "wrapped-lines",
    "text copied out of a PDF, wrapped at the width of its page or column: a line that reaches "
    "that width joined to the line after it, unless that opens something of its own",
)
LONE_BULLETS = Rule(
    "lone-bullets",
    "a bullet copied out of a PDF on a line of its own (or as a symbol font's character): put "
    "in front of the words on the line under it",
)
INLINE_SYMBOL_BULLETS = Rule(
    "inline-symbol-bullets",
    "a line copied out of a PDF's table with two or more bullets of a symbol font inside it "
    '("\\uf0b7", the row\'s cells run together): each bullet opens a line of its own, and '
    "a number that carries the count on (1, then 2, then 3) before capitalised words opens "
    "the next row's line",
)
BULLET_HANGING_INDENT = Rule(
    "bullet-hanging-indent",
    "a bullet's words wrapped onto the lines under it, each set in as far as the item's words "
    "(or further than the bullet, in lower case) and going on mid-sentence: joined back to the "
    "item",
)
BULLET_COLUMN = Rule(
    "bullet-column",
    "a column of bullets copied out of a PDF apart from its words (two or more lone bullets "
    "together): each put in front of an item of the block of wrapped lines beside it, when "
    "the block holds as many items as there are bullets",
)
PARAGRAPH_RECORDS = Rule(
    "paragraph-records",
    "numbered or labelled lines of text read as the rows of an action table",
)
HEADED_ITEMS = Rule(
    "headed-items",
    "short headings each over bulleted sentences or a paragraph of what will be done, as on a "
    "web page of priorities, read as sections and their actions",
)
BRACKETED_LEAD_AND_DATE = Rule(
    "bracketed-lead-and-date",
    "short headings each over items that end with their date, or their lead and date, in "
    'brackets ("… (Head of SEN, April 2026)"): the items actions, the brackets their lead and '
    "due date",
)
NUMBERED_HEADINGS_OVER_WORDS = Rule(
    "numbered-headings-over-words",
    'headings that are only a level and its number ("Workstream 1", "Workstream 2"), each over '
    "one paragraph: each paragraph an action numbered by its heading, in the section above",
)
CARDS = Rule(
    "cards",
    "a poster of cards or a deck of slides printed to PDF, each card or slide headed by a "
    "priority over its bullets, or over one or two lines of what will be done with their date "
    "or lead: the headings sections, the lines their actions",
)
MERGED_GROUPS = Rule(
    "merged-groups",
    "a table whose first columns hold a group (and what it is for) over runs of rows, as cells "
    "merged down, beside one piece of work a row, under headings no action table uses: the "
    "groups sections, the pieces of work their actions",
)
NUMBERED_RECORDS = Rule(
    "numbered-records",
    'records each under a heading of one word and a number ("Decision 4"), with labelled lines '
    'under it ("Decision", "Officer", "Deadline", each over its value): the record an action '
    "numbered by its heading, the label that repeats the heading's word its words, the other "
    'labels its fields; and a table of two columns headed by a level ("Workstream | What it is '
    'about") over its numbers and sentences, each row such a record',
)
LIST_DATED_BY_LEAD_IN = Rule(
    "list-dated-by-lead-in",
    'a list after a line that introduces actions and names a date ("By the end of 2025, we '
    'will:"): each item due then, unless it gives its own date',
)
LIST_AFTER_NAMED_WORK = Rule(
    "list-after-named-work",
    'a bulleted list after "These include:" or "They are:", where the sentence before names '
    "the plan's priorities, actions or commitments, read as those actions",
)
LIST_BELOW_NAMED = Rule(
    "list-below-named",
    'numbered or bulleted items under a sentence that says what they are ("the four proposals '
    'below", "the following actions"), read as those actions however each is worded',
)
HEADED_UNDER_PRIORITIES = Rule(
    "headed-under-priorities",
    "one or two short headings over sentences of what will be done, straight under a heading "
    'that names the plan\'s priorities ("Our priorities"), read as priorities and their actions; '
    "a line holding two such sentences is two actions",
)
PROGRESS_RUN_ON = Rule(
    "progress-run-on",
    'a letter\'s list of what it "said we would" do, each promise followed on its line by '
    '"Update:" and what has happened since: the promise is the action, the rest its progress',
)
PROGRESS_THEN_PLAN = Rule(
    "progress-then-plan",
    "a listed item that tells what has been done before what will be done: the sentences of "
    "what will be done are the action, the others its progress",
)
RESOLUTION_CLAUSES = Rule(
    "resolution-clauses",
    'a committee\'s numbered or bulleted "That …" recommendations or decisions that ask for '
    "something to be done, read as actions; those that only note, agree minutes or approve a "
    'document are not. The line that opens them ("RESOLVED: That", "Decision:") ends any list '
    "the discussion before it had",
)
BRACKETED_NUMBERS = Rule(
    "bracketed-numbers",
    'items numbered with a figure in brackets, "(1) …", "(2) …", as minutes number a '
    "committee's resolutions: each opens an item and its figure is the item's ref",
)
LEAD_ASKED_IN_RESOLUTION = Rule(
    "lead-asked-in-resolution",
    "a committee's decision that names in its own words the officer it asks to act (\"the Head "
    'of Communities be requested to provide …", "That the Director be asked to …"): that '
    "officer is the action's lead",
)
FLAT_NUMBERED_ROWS = Rule(
    "flat-numbered-rows",
    "a table whose rows are all numbered 1, 2, 3 … at one level (a committee's action log): "
    "a row that names no lead or date is an action like the rows beside it, not a priority's "
    "heading",
)
NUMBERED_HEAD_OVER_LEAD_IN = Rule(
    "numbered-head-over-lead-in",
    'a numbered line of its own ("1. Improve health …") straight above a line that leads into '
    'a list of actions ("Actions:", "What we will do:"): the heading of a part of the plan, its '
    "number the part's ref, not an action",
)
LABEL_ABOVE_VALUE = Rule(
    "label-above-value",
    "a web page's summary list copied: an action's labels (Lead, Due, Status, 'Who is "
    "responsible', 'Target date') each on a line of its own with its value on the next, read "
    "as 'Label: value' lines, where two or more labels are written so several times",
)
ACTION_NUMBER_OVER_WORDS = Rule(
    "action-number-over-words",
    "'Action 2.1' on a line of its own, then the action's words on the next, then its "
    "labelled lines ('Lead: …'): one action, its ref 2.1",
)
SENTENCE_FIELDS = Rule(
    "sentence-fields",
    "who leads an action and by when written as sentences of their own after its words "
    "('Priya Nair, Local Offer Manager, will lead this.', 'This will be led by …', 'We will "
    "do this by January 2026.'): read as its lead and due date, the words before them (two "
    "such at least) each an action",
)
LABELLED_SENTENCES = Rule(
    "labelled-sentences",
    "two or more lines in a row, with no number or bullet, each saying what will be done and "
    "then, as sentences after it, who leads it or by when ('… Led by the Head of SEND. By "
    "September 2026.'): each line an action, read as a bulleted list",
)
STAGES_WITH_STATUS = Rule(
    "stages-with-status",
    'a numbered list of a few words a line ("1. Public consultation", "2. Publish the '
    'feedback"), two or more of the lines each followed by a line that is only a rating and a '
    'month ("On target August 2022"), as a web page\'s project timeline shows its stages: '
    "each numbered line an action, its number the ref, the rating its status and the month its "
    "due date; the sentences under a stage tell what it involves and are not actions",
)
BULLET_WRAP_TAIL = Rule(
    "bullet-wrap-tail",
    "in a list of bullets that each open with a verb (or are each in lower case), a bullet of a "
    "few capitalised words naming something, "
    'with no verb ("- LDA Programme Board"), straight after a bullet that stops without a full '
    "stop: the end of that bullet, broken off at a line wrap, joined back to it",
)
REASONS_UNDER_WHY = Rule(
    "reasons-under-why",
    'a list under a line that asks why ("Why are we doing this?", "Why we are consulting:") '
    "gives the reasons for the plan's work, not actions, however its items are worded",
)
CHANGES_TO_MAKE = Rule(
    "changes-to-make",
    'a line that names the changes a council means to make ("The main changes we are looking '
    'to make include:", "Proposed changes") leads into a list of actions, however each change '
    'is worded ("Updating the policy …")',
)
CHANGES_NOT_HEADINGS = Rule(
    "changes-not-headings",
    "in the list a line naming the changes to make leads into, a line standing like a heading "
    'that opens with a verb ("Moving information on post 16 travel …") read as one more '
    "change, not as the heading of the changes below it",
)
NO_COLUMNS_FROM_A_LIST = Rule(
    "no-columns-from-a-list",
    "a table of the file's own with no heading row, after a list of actions read from its lines "
    "(bullets, numbered paragraphs): not read with that list's columns, which the file never "
    "wrote as headings; it is read by what its own cells hold",
)
GLUED_ACTIONS = Rule(
    "glued-actions",
    "a web table of minutes flattened to a line a topic, its name run into the discussion and "
    '"Actions" into the actions agreed: the topic as a section, each sentence after "Actions" '
    "an action",
)
RUN_TOGETHER_ROWS = Rule(
    "run-together-rows",
    "a table's rows whose cells ran together on a line each, split where each column's words fit",
)
RUN_TOGETHER_WRAPPED = Rule(
    "run-together-wrapped",
    "a table whose cells ran together on one line a row, copied out of a PDF, with the periods "
    'of its rating headings on the line under them ("RAG RAG" over "Jun 25 Sep 25"), or a '
    "row's cells wrapped onto the lines under it (no ref, in a table whose rows open with "
    "theirs): the periods given to the ratings, the wrapped words to the row's cells",
)
NUMBERS_THEN_ITEMS = Rule(
    "numbers-then-items",
    "a column of numbers and then as many actions, as a PDF read column by column, paired again",
)
WORDS_OVER_TABLES = Rule(
    "words-over-tables",
    "a file whose tables gave few or no actions read as its words, as pasted text would be",
)
COMMITMENTS_IN_PROSE = Rule(
    "commitments-in-prose",
    "a file with no list or table of actions read for the sentences of its prose that say what "
    'will be done ("The council will recruit …"), each an action in its own words; under a '
    'heading that gives the council\'s answer ("We did"), each paragraph speaking for it, whole',
)
DEEDS_IN_PROSE = Rule(
    "deeds-in-prose",
    'a file written as prose read for what it asks to be done: its lists of deeds ("Leaders '
    'should …", "Next steps"), its recommendations each with the response under it, and the '
    "commitments in the prose beside a list of the writer's own",
)
ACTIONS_AS_COLUMNS = Rule(
    "actions-as-columns",
    "a table laid out sideways, its headings down the first column and each action a column",
)
CELLS_LISTED = Rule(
    "cells-listed",
    "a table copied a cell per line: numbered actions, then as many leads and as many dates",
)
HIGHLIGHT_COLUMNS = Rule(
    "highlight-columns",
    "a highlight report's table with a row per workstream and a column of next steps beside its "
    "RAG or progress: each next step an action of the workstream, the row's RAG and progress "
    "their update",
)
HIGHLIGHT_CARDS = Rule(
    "highlight-cards",
    "a highlight report's small table per workstream, labelled down its first column (\"RAG "
    'status", "Key achievements", "Next steps"): each next step an action of the workstream',
)
HIGHLIGHT_HEADED = Rule(
    "highlight-headed",
    'a highlight report\'s line per workstream over labelled parts ("RAG rating: Amber", '
    '"Progress this period", "Planned for next period"): each planned item an action, risks '
    "left out",
)
HIGHLIGHT_PERIOD = Rule(
    "highlight-period",
    "a highlight report's workstream RAG and progress given for the quarter or month a line "
    "near its top names",
)
ROADMAP_COLUMNS = Rule(
    "roadmap-columns",
    'a table whose columns are periods ("Spring 2025 | Summer 2025 | 2026 and beyond"), read as '
    "a roadmap: each item of a cell an action due when its column ends, the row's first cell "
    "its section; or the other way, a row per period and a column per workstream",
)
MARKED_MONTHS = Rule(
    "marked-months",
    "a table of actions with a mark (X, a tick) under each month an action runs, as a Gantt "
    "chart is kept: the action starts in the first month marked and is due in the last",
)
ACTIONS_IN_ONE_CELL = Rule(
    "actions-in-one-cell",
    'an action cell whose every line opens with its own ref ("3.1 …", "3.2 …") or the next '
    'letter ("a) …", "b) …"): each line an action of its own, sharing the row\'s lead, dates '
    "and ratings; a lettered item's ref is the row's ref and its letter",
)
PEOPLE_LISTED = Rule(
    "people-listed",
    'lines each naming a person and their post with no initials ("Mark Bose – Programme '
    'Manager"), as a list or under a heading such as "People" or "Programme team": the plan\'s '
    "people, not actions",
)
OFFICERS_LISTED = Rule(
    "officers-listed",
    'bulleted lines "AB – Amal Bhatt, Director of …" under a heading such as "Key to leads" '
    'or "Lead officers": the plan\'s lead officers by initials, name and role, never actions',
)
LETTERS_UNDER_REF = Rule(
    "letters-under-ref",
    'lines lettered a), b), c) in turn under a heading that carries a ref ("Priority 1: …"): '
    "each action's ref is the heading's and its letter (\"1a\")",
)
FIELDS_ON_ONE_LINE = Rule(
    "fields-on-one-line",
    'a labelled line under an action holding several fields set apart by bars ("Owner: Jo '
    'Smith | Due: Q4 25/26 | Status: On track"): each label its own field',
)
BRACKETED_LINE = Rule(
    "bracketed-line",
    'a line of its own under an action, wholly in brackets, of labelled fields ("[Lead: Head '
    "of SEND; Due: March 2026; RAG: Amber]\"): the action's fields",
)
RECORD_TABLES = Rule(
    "record-tables",
    "a small table of two columns that is one action's record, its labels down the left "
    "(a ref's label over a ref, the action's label, then its lead, date or rating labels), "
    "one such table after another: each an action",
)
BARRED_RECORDS = Rule(
    "barred-records",
    'a line that is a whole action, each part a label and its words between bars ("Ref: 1.1 '
    '| Action: … | Lead: … | Due: … | RAG: …"): the ref, the action and each field',
)
SEPARATED_PARTS = Rule(
    "separated-parts",
    'a list item whose parts are set apart by dashes or semicolons ("WS-1 — title — Lead: '
    'Name (Role) — Due: Jan-26 — Amber", "AMBER – 1.1 title (Lead: …; due …)"): a ref, a '
    "labelled field, a date, a name or post, or a rating word each, around the action's "
    'words, which may open with a coded ref ("WSoA-01 Train …")',
)
OWNER_DATE_THEN_RATING = Rule(
    "owner-date-then-rating",
    'an item ending "(Sam Reid, Dec 2025) – Complete": the name or post and the date in '
    "brackets, with no label, are its lead and due date, and rating words after a dash its "
    "status",
)
FIELDS_IN_ONE_CELL = Rule(
    "fields-in-one-cell",
    'a column of a table of actions whose cells are labelled lines ("Lead: …", "By: …", "RAG: '
    '…") under a heading naming none of them: each label a column of its own',
)
JOINED_HEADING_LINES = Rule(
    "joined-heading-lines",
    'a column headed by two known headings joined ("Lead and date") whose cells hold the first\'s '
    "value on one line and the second's on the next: read as the two columns it joins",
)
QUESTION_LABELS = Rule(
    "question-labels",
    'a plain-English plan\'s headings asked as questions ("What are we doing?", "Who is leading '
    'this?", "When will it be done?", "How is it going?"), each before its answer on the '
    "same line: read as the action, lead, due date and progress they ask for",
)
MARKED_MONTHS_RESUMED = Rule(
    "marked-months-resumed",
    "a Gantt's headings standing alone, its rows cut into tables of their own by the theme "
    "lines between them (as a sheet pasted as text gives them): the rows read together as "
    "marked under those headings, each starting in its first period marked and due in its last",
)
DATED_LINES = Rule(
    "dated-lines",
    'lines that open with when ("By March 2025: …", "Summer term 2025 – …", "2025/26: …"), or '
    'a line that is only a period ("Year 1 (2024/25)") over a bulleted list: each an action '
    "due then",
)
CELL_LINES = Rule(
    "cell-lines",
    "a table copied a cell a line: its headings a line each, then each row's cells a line each "
    "in their order, a missing cell or a wrapped one told by what each line holds (a date, a "
    "person or post, a rating)",
)
CELL_LINES_RESUMED = Rule(
    "cell-lines-resumed",
    "rows copied a cell a line after a line naming a part of the plan, read under the headings "
    "of the table above it",
)
CELL_LINES_CONTENT_ROLE = Rule(
    "cell-lines-content-role",
    "a table copied a cell a line under a heading the importer does not know, the heading's "
    "part chosen by what its lines hold (people, dates or ratings)",
)
RUN_TOGETHER_WHOLE_POST = Rule(
    "run-together-whole-post",
    "a lead run together with the action's words taken with the capitalised words before it "
    "that read as one post with it ('… website | Local Offer Manager', not '… Local Offer | "
    "Manager')",
)
HEADLESS_RUN_TOGETHER = Rule(
    "headless-run-together",
    "numbered lines each ending with a date, read as rows of ref, action, lead and due date",
)

# Columns
HEADING_SYNONYM = Rule("heading-synonym", "a column's heading is a known wording")
HEADING_FUZZY = Rule(
    "heading-fuzzy", "a column's heading is close to a known wording (misspelt, split or joined)"
)
HEADING_WORD = Rule("heading-word", "a column's heading contains a known wording")
TASK_TOOL_COLUMNS = Rule(
    "task-tool-columns",
    "in a task tool's export, 'Name' over actions is the title; a second title column "
    "that repeats one value, a second section column of priority levels and a second due "
    "column of names are left out",
)
HEADINGS_UNDER_GROUPS = Rule(
    "headings-under-groups",
    "a row of group headings, each a known heading merged across two or more columns ('Who' "
    "over 'Lead | Team', 'When' over 'Start | Due'), short headings of their own under each "
    "group: the columns are named by the second row",
)
TRACKER_COLUMNS = Rule(
    "tracker-columns",
    "an issue tracker's export (Jira): 'Summary' beside 'Issue key' heads the actions, the "
    "issue key is the ref, 'Parent summary' or the epic the section; its record (issue type, "
    "sprint, resolution) is left out",
)
SYSTEM_COLUMNS = Rule(
    "system-columns",
    "a performance system's export: 'Code' and 'Title' beside a column of leads are the ref "
    "and the action; its 'Latest Note' is the progress, 'Managed By' left out",
)
NAME_OVER_ACTIONS = Rule(
    "name-over-actions",
    "a table whose only column of words is headed 'Name' (monday.com, Asana) beside another "
    "column of people: when the 'Name' cells read as actions, it is the action column and the "
    "row is the table's headings",
)
OUTLINE_LEVELS = Rule(
    "outline-levels",
    "in a task tool's export with an outline level column, a summary task (a row over rows a "
    "level deeper) is a section over them",
)
RECORD_KEEPING = Rule(
    "record-keeping",
    "a column of a task tool's own record (created by, modified, ids, flags, labels) is known "
    "as a heading and left out",
)
COUNT_HEADINGS = Rule(
    "count-headings",
    'a heading that counts what it names ("No. of actions", "Number of actions", "Total '
    'actions") holds figures: its words name no column of actions or refs',
)
WHAT_WHO_WHEN = Rule(
    "what-who-when",
    'a column headed "What" in a heading row that also heads a "Who" (lead) and a "When" (due '
    "date) column holds the actions",
)
FIELDS_IN_ACTION_CELL = Rule(
    "fields-in-action-cell",
    'the action\'s cell holding its number, its words and labelled lines ("Lead: …", "By: …") '
    "for which the table has no column: each read as that field",
)
MEASURES_TABLE_IN_CELL = Rule(
    "measures-table-in-cell",
    "a table nested in an action's measures cell: each of its rows one measure, with its date",
)
RATINGS_UNDER_PERIOD = Rule(
    "ratings-under-period",
    'a period named over the columns of its rating and commentary ("Quarter 3 2023 to 2024" '
    'over "Status | Commentary"): each that period\'s',
)
TITLE_OVER_MEASURES = Rule(
    "title-over-measures",
    'a column headed by an action\'s words and its measures together ("Project / KPI"): the '
    "action on its own row, and the rows under it that fill only that column its measures",
)
LEAD_BESIDE_BODY = Rule(
    "lead-beside-body",
    'two lead columns, one naming a body ("lead agency | Roles responsible"): the posts or '
    "people are the leads, not the body",
)
LEADS_IN_EACH_COLUMN = Rule(
    "leads-in-each-column",
    'two lead columns naming people ("Accountable lead | Responsible officer"): both are the '
    "action's leads, the first column's first, each person once",
)
REVISED_DUE = Rule(
    "revised-due",
    'a "Revised date" column beside the due date: where a row fills it, the action is due '
    "then, and the report keeps the date it replaced",
)
CELL_CONTENT = Rule("cell-content", "a column's role from what its cells hold")
ACTIONS_BESIDE_LEAD = Rule(
    "actions-beside-lead",
    'a table whose only known heading names who acts ("Action by") over people, beside one '
    'column of long sentences under a heading of no known wording ("Decision"): those '
    "sentences are the actions",
)
CAPTION_OVER_TABLE = Rule(
    "caption-over-table",
    "a line of one cell just above another table's heading row ends the table above it, and "
    '"Table 3: Short breaks" over a table of actions names the part of the plan it holds',
)
ROW_NUMBERS = Rule(
    "row-numbers",
    "a first column counting the rows (1, 2, 3 ...) beside a column of refs: left out, the "
    "refs are the other column's",
)
TARGET_DATES_DUE = Rule(
    "target-dates-due",
    "a 'Target' column of dates beside actions, with no due date column or indicators, read as "
    "when each action is due",
)
LAYOUT_CHOICE = Rule("layout-choice", "a column's role chosen by a person on the check page")
MARK_KEY = Rule(
    "mark-key",
    "a key of marks written in a line after 'Key:' ('✓ complete, ● on track, ▲ at risk'): each "
    "mark a rating, coloured as its words usually are",
)
SENTENCE_KEY = Rule(
    "sentence-key",
    "a key written as a sentence after a few words and a colon, or with 'means' ('Ratings: Green "
    "means on track, Amber some slippage and Red off track'; '✓ the action is complete, ● it is "
    "on track, ...'): three or more colours or marks, each with its meaning",
)
KEY_ACROSS_ROW = Rule(
    "key-across-row",
    "a key laid across one row of a sheet or table, each rating's words in a cell shaded its "
    "colour ('Key: | Complete | On track | At risk | Off track'), a short label before them or "
    "none",
)
KEY_ENTRIES_ACROSS_ROW = Rule(
    "key-entries-across-row",
    "a key laid across one row of a sheet, each cell one rating with its meaning ('B = complete "
    "| G = on track | A = at risk | R = off track'), read as the same key written in a line",
)
NUMBERED_KEY_ROWS = Rule(
    "numbered-key-rows",
    "a numbered key laid out a row a rating ('1 | Not started', '2 | Behind', ...), under a "
    "'Key' line or with each number's cell shaded its colour: the numbers are the codes the "
    "rating cells hold, each with its meaning (and colour)",
)
MARK_KEY_ROWS = Rule(
    "mark-key-rows",
    "a key of marks laid out a row a rating ('● | Complete', '◑ | In progress', '○ | Not "
    "started'), under a key's name ('Key to progress') or with each mark's cell shaded: each "
    "mark is the code the rating cells hold, with its meaning",
)
ARROW_BESIDE_RATING = Rule(
    "arrow-beside-rating",
    "an arrow of the direction of travel beside a rating ('Amber ↑'): the rating is the status, "
    "the arrow kept in words in the same update",
)
DIRECTION_KEY = Rule(
    "direction-key",
    "a key table of arrows ('↑ Improving') says what each direction of travel means, not what "
    "a rating means; each arrow kept in words says so",
)
ARROW_LEGEND_APART = Rule(
    "arrow-legend-apart",
    "a legend of arrows after a key's last meaning in the same line ('R = off track. ↑ "
    "improved, ↓ declined'): the key ends before it, the arrows being the direction of travel",
)
HEADING_LEGEND = Rule("heading-legend", "a status key written inside a heading cell")
KEY_WORDS_KEPT = Rule(
    "key-words-kept",
    "a key laid out as a table of the plan's own rating words, with no letters or colours "
    "('Achieved | Delivered and signed off'): each word is kept as its own code, not given a "
    "letter, and the key's second column, where it has one, is what the word means",
)
HEADERLESS_TABLE = Rule("headerless-table", "a table with no heading row read by its cells")
PERIOD_WITHOUT_YEAR = Rule("period-without-year", "a period column named without its year")
PERIOD_BAND = Rule(
    "period-band",
    'a heading with a year written once over several period columns ("RAG 2025/26" over '
    '"Q1 | Q2 | Q3 | Q4", "Progress 2025/26" over "Jun-25 | Sep-25"): each column under it is '
    "a period of ratings, and one named without its year takes the band's; a month or a term "
    "under a financial or academic year ('Sep | Dec | Mar' under '2025/26') takes the calendar "
    "year it falls in",
)
RISK_TABLES = Rule(
    "risk-tables",
    "a table whose headings open with a risk's or an issue's (\"Risk | Owner | Mitigation | "
    'Rating") and name no action column: a register of risks, left out of the actions and '
    "never read as more of the table above",
)
TABLES_SIDE_BY_SIDE = Rule(
    "tables-side-by-side",
    "two tables of actions side by side on one sheet (a council's and an ICB's), each with its "
    "own heading row and a column empty in every row between them, read as two tables, each "
    "under its own title where one stands over it",
)
SHEETS_AS_PERIODS = Rule(
    "sheets-as-periods",
    "a workbook with a sheet for each month or quarter, each named by its period and a copy of "
    "the same table of actions: each action read once, as the latest sheet gives it, and each "
    "sheet's ratings and progress as its period's",
)
RATINGS_UNDER_CURRENT = Rule(
    "ratings-under-current",
    "a column of a table of actions headed as a figure's latest value ('Current', 'Latest'), "
    "whose cells are ratings, is a rating column, not an indicator's figure; a 'Target' of "
    "dates beside it is when each action is due, no indicator's target",
)
RATINGS_UNDER_A_POST = Rule(
    "ratings-under-a-post",
    "a column of a table of actions headed as a person's post ('Position', 'Post', 'Role'), "
    "whose cells are ratings, is a rating column, not the lead's post",
)
IMPACT_BESIDE_PROGRESS = Rule(
    "impact-beside-progress",
    "an impact rating beside a progress rating of the same period ('Progress RAG | Impact "
    "RAG'): the progress rating is the period's status, the impact rating is kept in words in "
    "that update ('Impact RAG: Amber'), not read as a second period; an impact column dated as "
    "a period of ratings or progress beside it ('RAG Jan 2026 | Impact Jan 2026') is kept so in "
    "that period's update, not read as a success measure",
)
UNDATED_COLUMN = Rule("undated-column", "a rating or progress column with no date")
RATING_WITH_LATEST_ENTRIES = Rule(
    "rating-with-latest-entries",
    "a lone rating column that names no period, beside progress written as dated entries "
    "('Oct 2025: …', 'Dec 2025: …'): its ratings are those of the latest entries' period",
)
CURRENT_BESIDE_PREVIOUS = Rule(
    "current-beside-previous",
    "a 'Current RAG' column beside a 'Previous RAG' column keeps its name and takes the date "
    "a line of the page gives the report ('Quarter 3 2025/26', or the month of 'Report date: "
    "31 March 2026'); the previous column stays undated",
)
RATING_IN_PROGRESS = Rule(
    "rating-in-progress",
    "a progress entry that opens with a colour ('Green - ...') gives its period's rating",
)
RATING_WORDS_BESIDE_COLOURS = Rule(
    "rating-words-beside-colours",
    "in a period whose other progress entries gave colours ('Green', 'Amber - some delay'), an "
    "entry that is only rating words or a word of the plan's key ('On track', 'Complete') is "
    "that period's rating too",
)
RATING_WORDS_OPEN_PROGRESS = Rule(
    "rating-words-open-progress",
    "progress entries that open with rating words set apart ('Complete – signed off in May', "
    "'On track. The panel met …') give their period's rating",
)
RATING_IN_BRACKETS = Rule(
    "rating-in-brackets",
    "progress notes that each close a sentence with a rating in brackets ('Twelve schools "
    "trained (Green). The rest …', '… 70% of families (Partially achieved)') give their "
    "period's rating; the words around it are the narrative",
)
RATING_LABEL_CLOSES_PROGRESS = Rule(
    "rating-label-closes-progress",
    "a progress note whose last line labels its rating ('…\nRAG rating: Green') gives its "
    "period's rating; the lines above are its narrative",
)
RATING_LABEL_IN_PROGRESS = Rule(
    "rating-label-in-progress",
    "a progress entry that opens with a labelled rating ('Status: Amber', 'RAG rating – G') "
    "gives its period's rating",
)
SHADED_UPDATE_CELL = Rule(
    "shaded-update-cell",
    "an update column's cell with no words, shaded a rating colour, gives its period's rating",
)
REPORT_DATE_PERIOD = Rule(
    "report-date-period",
    "a plan's one period, a rating column with no date, put in the month a line near the "
    "document's top (or a sheet's, over its table) says it reports on ('updates for the "
    "January 2024 board', 'As at 30 April 2026')",
)
PERIOD_NAMED_ON_PAGE = Rule(
    "period-named-on-page",
    "a rating column with no date put in the period the page names on a line of its own",
)
TIMELINE_SKIPPED = Rule("timeline-skipped", "a timeline table repeating the actions' dates")

# Rows and sections
SECTION_HEADING = Rule("section-heading", "a heading names a theme or priority ('Priority 2:')")
NUMBERED_HEADING = Rule("numbered-heading", "a numbered heading over actions that extend it")
LABELLED_SECTION = Rule(
    "labelled-section", "a line labelled 'Area of weakness …:' names a section without a ref"
)
NUMBER_TITLE_ROW = Rule("number-title-row", "a row of a number and a title opens a section")
WORDED_SECTION_ROW = Rule(
    "worded-section-row",
    "a row across a table of actions that names a level, its number and title in the plan's "
    'own word ("Standard 1: Referrals", "Recommendation 2 – …"): a section of that level',
)
SECTION_ROW = Rule("section-row", "a row whose ref the rows below extend is a section")
SECTION_COLUMN = Rule("section-column", "a column names each action's theme or priority")
SECTION_ROW_EXTRA = Rule("section-row-extra", "words on a section's row left out")
PRIORITY_WORDING = Rule("priority-wording", "a priority worded differently in two places")
QUOTED_FINDING = Rule(
    "quoted-finding",
    "an area of weakness quoted in full under the inspection's findings, then named again by "
    "the heading over its actions: the heading its title, the quote a weakness",
)
MILESTONES_WITH_LEADS = Rule(
    "milestones-with-leads",
    'a table of "Milestone | By when | Lead": milestones each with a lead are the actions',
)
PRIORITIES_WITHOUT_REFS = Rule("priorities-without-refs", "a list of priorities with no refs")
LABEL_BEFORE_SECTION = Rule("label-before-section", "a labelled row before any section")
FALLBACK_SECTION = Rule("fallback-section", "actions before any section put in one")
ROW_UNPLACED = Rule("row-unplaced", "a row that could not be placed")
NO_ACTIONS = Rule("no-actions", "no actions found: the columns or lines must be pointed out")
NARRATIVE_LEFT_OUT = Rule("narrative-left-out", "paragraphs the plan format has no place for")
CONTENTS_LEFT_OUT = Rule(
    "contents-left-out",
    "the lines of a contents page (words, a dot leader or tab, a page number) left out, so "
    "they open no section",
)

# Actions
ACTION_ROW = Rule("action-row", "a row of an action table is an action")
REF_IN_TEXT = Rule("ref-in-text", "a ref opening the action's words")
REF_IN_CELL = Rule("ref-in-cell", "a ref written inside another cell ('Ref 2.3 ...')")
REF_TIDIED = Rule("ref-tidied", "a ref written with spaces, read without them")
CODED_REFS = Rule(
    "coded-refs",
    'a ref code of parts joined by dots or hyphens ("WSoA-01", "P2.A.1", "AoW2-3", '
    '"CB-SEND-01.2"), each part of letters an abbreviation of four letters at most, read as a '
    "ref, in a ref cell (joined again where a narrow column broke it after a dot) and after a "
    'level word ("Objective P1.A: …"); never a month or quarter with its year, nor quarters '
    "joined",
)
REF_BRACKETED = Rule(
    "ref-bracketed", 'a ref written in brackets as a list numbers its items ("(a)", "3)")'
)
REF_UNREADABLE = Rule("ref-unreadable", "a ref cell that is not a ref")
REF_REPEATED = Rule("ref-repeated", "two actions with one ref")
ROW_CONTINUES = Rule("row-continues", "a row without a ref carries on the action above")
LIST_ITEMS_CHOSEN = Rule(
    "list-items-chosen", "a list's items read as actions, as a person asked on the check page"
)
NO_ACTION_TEXT = Rule("no-action-text", "an action with no words")
RUN_TOGETHER = Rule("run-together", "a table whose columns ran together, read by its refs")
RUN_TOGETHER_GUESS = Rule("run-together-guess", "a guess about words run together")
RUN_TOGETHER_UNREAD = Rule("run-together-unread", "text run together that could not be read")

# Dates
DATE_UNREADABLE = Rule("date-unreadable", "words in a date column that are not a date")
DATE_NOTE = Rule("date-note", "a date read with an assumption")
PERIOD_DUE = Rule(
    "period-due",
    'a date cell naming a period ("2025/26", "Year 1 (2024/25)") read as the month it ends in',
)
DATE_ROW_ADDED = Rule("date-row-added", "a row holding only a date added to the action above")
DAY_MONTH_SLASHED = Rule(
    "day-month-slashed",
    'a day, a month\'s name and a year joined by slashes or hyphens ("30/Jan/26", "5-Mar-2026", '
    "as issue trackers and performance systems write them) read as that day",
)
LOOKALIKE_LETTERS = Rule("lookalike-letters", "a date written in look-alike letters")

# Ratings and updates
DEFAULT_SCALE = Rule("default-scale", "ratings with no key read on the usual BRAG scale")
WORD_SCALE = Rule("word-scale", "ratings in words with no key kept as the plan's own scale")
USUAL_COLOUR_BESIDE_KEY = Rule(
    "usual-colour-beside-key",
    "a rating colour the plan's key leaves out (blue under a key of green, amber and red) read "
    "as the usual BRAG meaning and added to the scale",
)
MARK_SCALE = Rule(
    "mark-scale",
    "ticks and crosses with no key read as ratings: a tick done, a cross not done",
)
SECOND_KEY = Rule("second-key", "a second, different status key")
RATING_UNREADABLE = Rule("rating-unreadable", "a rating not on the plan's key")
UPDATES_BY_ORDER = Rule("updates-by-order", "updates without refs matched to actions by order")
UPDATES_ANCHORED = Rule("updates-anchored", "updates without refs matched by their words")
UPDATE_UNPLACED = Rule("update-unplaced", "an update that could not be matched to an action")

# People
POSSESSIVE_NOT_NAME = Rule(
    "possessive-not-name",
    "a word in the possessive (Children's) read as part of a post, never of a person's name: "
    "Children's Continuing Care Manager is one post, not a name and a post",
)
LEAD_UNMATCHED = Rule("lead-unmatched", "a lead that could not be matched to a person")
PEOPLE_KEYS = Rule("people-keys", "how people were told apart")

# Costs, weaknesses and the plan's other tables
COST_TOTAL = Rule("cost-total", "a total that does not add up")
COST_UNPLACED = Rule("cost-unplaced", "a cost line naming no action")
COST_DIFFERS = Rule("cost-differs", "an action's cost given twice, differently")
WEAKNESS_ADDED = Rule("weakness-added", "an area of concern not in the list of weaknesses")
GLOSSARY_HALF = Rule("glossary-half", "a glossary entry with only one half")

RULES: tuple[Rule, ...] = (
    FILE_CHECK,
    OFFICE_THEME_FILLS,
    XLSX_STRICT,
    XLSX_PERCENT_SHOWN,
    XLSX_ROW_OUTLINE,
    DOCX_STRICT,
    XLSX_RULE_COLOURS,
    XLSX_FORMULAS_COMPUTED,
    XLSX_LOOKUPS_COMPUTED,
    DOCX_MARKED_RATINGS,
    UNRULED_UNDER_LINE,
    UNRULED_WORD_BREAKS,
    UNRULED_ROWS_RULED,
    UNRULED_BAND_WITH_REF,
    UNRULED_BAND_HEADING,
    UNRULED_SECTION_ROW,
    UNRULED_TOP_AND_FOOT,
    UNRULED_CLOSE_COLUMN,
    UNRULED_RIGHT_ALIGNED,
    UNRULED_ROWS_TIGHT,
    PAGES_BESIDE,
    SHADED_COLUMN,
    SHADED_BAND,
    SHADED_NOT_RULED,
    BODY_UNDER_HEADINGS,
    TWO_COLUMNS_UNDER_HEADINGS,
    HOLES_FILLED,
    HEADING_WRAPPED_WIDE,
    PDF_MARKS,
    LONE_BULLET_MARK,
    HYPHENATED_WORDS,
    MARKDOWN_MARKS,
    WRAPPED_LINES,
    LONE_BULLETS,
    INLINE_SYMBOL_BULLETS,
    BULLET_HANGING_INDENT,
    BULLET_COLUMN,
    PARAGRAPH_RECORDS,
    HEADED_ITEMS,
    BRACKETED_LEAD_AND_DATE,
    LETTERS_UNDER_REF,
    FIELDS_ON_ONE_LINE,
    BARRED_RECORDS,
    RECORD_TABLES,
    BRACKETED_LINE,
    OWNER_DATE_THEN_RATING,
    SEPARATED_PARTS,
    FIELDS_IN_ONE_CELL,
    JOINED_HEADING_LINES,
    QUESTION_LABELS,
    NUMBERED_HEADINGS_OVER_WORDS,
    CARDS,
    MERGED_GROUPS,
    NUMBERED_RECORDS,
    LIST_DATED_BY_LEAD_IN,
    LIST_AFTER_NAMED_WORK,
    LIST_BELOW_NAMED,
    HEADED_UNDER_PRIORITIES,
    PROGRESS_RUN_ON,
    PROGRESS_THEN_PLAN,
    RESOLUTION_CLAUSES,
    BRACKETED_NUMBERS,
    LEAD_ASKED_IN_RESOLUTION,
    FLAT_NUMBERED_ROWS,
    NUMBERED_HEAD_OVER_LEAD_IN,
    LABEL_ABOVE_VALUE,
    ACTION_NUMBER_OVER_WORDS,
    SENTENCE_FIELDS,
    LABELLED_SENTENCES,
    STAGES_WITH_STATUS,
    BULLET_WRAP_TAIL,
    REASONS_UNDER_WHY,
    CHANGES_TO_MAKE,
    CHANGES_NOT_HEADINGS,
    NO_COLUMNS_FROM_A_LIST,
    GLUED_ACTIONS,
    RUN_TOGETHER_ROWS,
    RUN_TOGETHER_WRAPPED,
    HEADLESS_RUN_TOGETHER,
    HIGHLIGHT_COLUMNS,
    HIGHLIGHT_CARDS,
    HIGHLIGHT_HEADED,
    HIGHLIGHT_PERIOD,
    ROADMAP_COLUMNS,
    MARKED_MONTHS,
    MARKED_MONTHS_RESUMED,
    ACTIONS_IN_ONE_CELL,
    DATED_LINES,
    NUMBERS_THEN_ITEMS,
    CELLS_LISTED,
    CELL_LINES,
    CELL_LINES_RESUMED,
    CELL_LINES_CONTENT_ROLE,
    RUN_TOGETHER_WHOLE_POST,
    WORDS_OVER_TABLES,
    ACTIONS_AS_COLUMNS,
    COMMITMENTS_IN_PROSE,
    DEEDS_IN_PROSE,
    HEADING_SYNONYM,
    HEADING_FUZZY,
    HEADING_WORD,
    RECORD_KEEPING,
    TASK_TOOL_COLUMNS,
    HEADINGS_UNDER_GROUPS,
    TRACKER_COLUMNS,
    SYSTEM_COLUMNS,
    NAME_OVER_ACTIONS,
    OUTLINE_LEVELS,
    COUNT_HEADINGS,
    WHAT_WHO_WHEN,
    RATINGS_UNDER_PERIOD,
    TITLE_OVER_MEASURES,
    MEASURES_TABLE_IN_CELL,
    FIELDS_IN_ACTION_CELL,
    LEAD_BESIDE_BODY,
    LEADS_IN_EACH_COLUMN,
    REVISED_DUE,
    CELL_CONTENT,
    ACTIONS_BESIDE_LEAD,
    CAPTION_OVER_TABLE,
    ROW_NUMBERS,
    TARGET_DATES_DUE,
    LAYOUT_CHOICE,
    MARK_KEY,
    SENTENCE_KEY,
    KEY_ACROSS_ROW,
    KEY_ENTRIES_ACROSS_ROW,
    NUMBERED_KEY_ROWS,
    MARK_KEY_ROWS,
    ARROW_LEGEND_APART,
    DIRECTION_KEY,
    ARROW_BESIDE_RATING,
    HEADING_LEGEND,
    KEY_WORDS_KEPT,
    HEADERLESS_TABLE,
    PERIOD_WITHOUT_YEAR,
    PERIOD_BAND,
    RISK_TABLES,
    TABLES_SIDE_BY_SIDE,
    SHEETS_AS_PERIODS,
    RATINGS_UNDER_CURRENT,
    RATINGS_UNDER_A_POST,
    IMPACT_BESIDE_PROGRESS,
    UNDATED_COLUMN,
    RATING_WITH_LATEST_ENTRIES,
    PERIOD_NAMED_ON_PAGE,
    REPORT_DATE_PERIOD,
    CURRENT_BESIDE_PREVIOUS,
    RATING_IN_PROGRESS,
    RATING_WORDS_BESIDE_COLOURS,
    RATING_WORDS_OPEN_PROGRESS,
    RATING_IN_BRACKETS,
    RATING_LABEL_IN_PROGRESS,
    RATING_LABEL_CLOSES_PROGRESS,
    SHADED_UPDATE_CELL,
    TIMELINE_SKIPPED,
    SECTION_HEADING,
    NUMBERED_HEADING,
    LABELLED_SECTION,
    NUMBER_TITLE_ROW,
    SECTION_ROW,
    WORDED_SECTION_ROW,
    SECTION_COLUMN,
    SECTION_ROW_EXTRA,
    PRIORITY_WORDING,
    QUOTED_FINDING,
    MILESTONES_WITH_LEADS,
    PRIORITIES_WITHOUT_REFS,
    LABEL_BEFORE_SECTION,
    FALLBACK_SECTION,
    ROW_UNPLACED,
    NO_ACTIONS,
    NARRATIVE_LEFT_OUT,
    CONTENTS_LEFT_OUT,
    ACTION_ROW,
    REF_IN_TEXT,
    REF_IN_CELL,
    REF_TIDIED,
    CODED_REFS,
    REF_BRACKETED,
    REF_UNREADABLE,
    REF_REPEATED,
    ROW_CONTINUES,
    LIST_ITEMS_CHOSEN,
    NO_ACTION_TEXT,
    RUN_TOGETHER,
    RUN_TOGETHER_GUESS,
    RUN_TOGETHER_UNREAD,
    DATE_UNREADABLE,
    DATE_NOTE,
    PERIOD_DUE,
    DATE_ROW_ADDED,
    DAY_MONTH_SLASHED,
    LOOKALIKE_LETTERS,
    DEFAULT_SCALE,
    USUAL_COLOUR_BESIDE_KEY,
    WORD_SCALE,
    MARK_SCALE,
    SECOND_KEY,
    RATING_UNREADABLE,
    UPDATES_BY_ORDER,
    UPDATES_ANCHORED,
    UPDATE_UNPLACED,
    POSSESSIVE_NOT_NAME,
    LEAD_UNMATCHED,
    PEOPLE_KEYS,
    OFFICERS_LISTED,
    PEOPLE_LISTED,
    COST_TOTAL,
    COST_UNPLACED,
    COST_DIFFERS,
    WEAKNESS_ADDED,
    GLOSSARY_HALF,
)
BY_CODE = {rule.code: rule for rule in RULES}
