"""Classification rules: one ordered table that says which stream, payer and municipality a line has, or drops it.

Why rules: a plain ledger (``Dato;Tekst;Beløb;Kunde``), a bank statement or a SAF-T file says nothing about the
mosaic economy's streams. A rule matches a word or a regular expression in the counterparty, the text or the
account of a line, and sets the stream, the payer name, the municipality — or excludes the line. For each of
those four fields the first matching rule wins. The shipped Danish defaults classify an ordinary Danish export
with no options; a user's own rules (added on the Data page, or an edit in the preview) go before them.

Matching: text is folded as everywhere else (lower case, æ/ø/å as ae/oe/aa, accents dropped, runs of spaces,
hyphens and underscores as one space). A *word* matches anywhere in the folded text, also inside Danish
compounds — ``pulje`` matches "Puljemidler", ``fond`` matches "Bikubenfonden". ``re:PATTERN`` is a regular
expression (RE2, as DuckDB runs it; case-insensitive; the text is folded, so æ/ø/å in the pattern are read as ae/oe/aa —
inside a character class write the folded letters). ``*`` matches every line.

What the file itself states wins over the rules: a stream column, an account mapped to a stream, ``--stream``,
and a municipality column (except for a counterparty with a company form — ApS, A/S, I/S, IVS, K/S, P/S — which is
never a municipality payer because of a kommune column). Rules decide what the file leaves open, and exclusions
and payer names always apply. Municipality ``*`` means "the municipality the matched text names as a public body"
("Jobcenter København …", "Gladsaxe Kommune …").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from seconomy import municipalities
from seconomy.agreements.model import Problem
from seconomy.ingest import cpr
from seconomy.streams import STREAMS, parse_stream
from seconomy.text import fold

FIELDS: tuple[str, ...] = ("any", "counterparty", "text", "account")
FILE_COLUMNS: tuple[str, ...] = ("match", "field", "stream", "payer", "municipality", "exclude")
EVERYTHING = "*"
REGEX = "re:"
INFERRED = "*"
ORIGINS = ("default", "user")

_FIELD_WORDS = {
    "any": ("any", "alle", "alt", "*", ""), "counterparty": ("counterparty", "modpart", "kunde", "betaler", "payer"),
    "text": ("text", "tekst", "description", "beskrivelse"), "account": ("account", "konto"),
}
_YES = ("1", "true", "yes", "ja", "j", "y", "x", "sand")
_NO = ("0", "false", "no", "nej", "n", "", "falsk")
_SPACES = re.compile(r"[\s\-_]+")


@dataclass(frozen=True)
class Rule:
    """One line of the rule table. ``municipality`` is as written (a name, official name, alias or code) or ``*``."""

    match: str
    field: str = "any"
    stream: str | None = None
    payer: str | None = None
    municipality: str | None = None
    exclude: bool = False
    origin: str = "user"
    id: int | None = None

    @property
    def is_regex(self) -> bool:
        return self.match.lower().startswith(REGEX)

    @property
    def label(self) -> str:
        """How an entry records the rule that decided it: ``rule:fond``."""
        return f"rule:{self.match}"

    @property
    def municipality_code(self) -> int | None:
        """The municipality this rule names (None for ``*`` or none)."""
        if not self.municipality or self.municipality == INFERRED:
            return None
        return municipalities.resolve(self.municipality)


def _rule(match: str, *, stream: str | None = None, payer: str | None = None, municipality: str | None = None,
          exclude: bool = False, field: str = "any") -> Rule:
    return Rule(match, field, stream, payer, municipality, exclude, "default")


# The shipped Danish rules, in order. "pulje" is placed before "fond"/"bevilling" so "Bevilling fra puljen" is a
# public grant; the card acquirers pay out the card and MobilePay takings of the café and the shop.
DEFAULT_RULES: tuple[Rule, ...] = (
    _rule("kommune", municipality=INFERRED),
    _rule("jobcenter", municipality=INFERRED),
    _rule("jobcentret", municipality=INFERRED),
    _rule("borgerservice", municipality=INFERRED),
    _rule("forløb", stream="municipal_contract"),
    _rule("løntilskud", stream="wage_subsidy"),
    _rule("refusion", stream="wage_subsidy"),
    _rule("flexjob", stream="wage_subsidy"),
    _rule("fleksjob", stream="wage_subsidy"),
    _rule("pulje", stream="public_grant"),
    _rule("fond", stream="foundation_grant"),
    _rule("fonden", stream="foundation_grant"),
    _rule("bevilling", stream="foundation_grant"),
    _rule("mobilepay", stream="product_sale", payer="Kortbetalinger"),
    _rule("nets", stream="product_sale", payer="Kortbetalinger"),
    _rule("sumup", stream="product_sale", payer="Kortbetalinger"),
    _rule("zettle", stream="product_sale", payer="Kortbetalinger"),
    _rule("kortindløsning", stream="product_sale", payer="Kortbetalinger"),
    _rule(EVERYTHING, stream="product_sale"),
)


def fold_word(text: str) -> str:
    """A word as it is compared: folded like the text it is looked for in."""
    return fold(text)


def fold_pattern(pattern: str) -> str:
    """A regular expression made to match folded text: æ/ø/å as ae/oe/aa, case-insensitive."""
    for letter, folded in (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("Æ", "ae"), ("Ø", "oe"), ("Å", "aa")):
        pattern = pattern.replace(letter, folded)
    return "(?i)" + pattern


def fold_sql(column: str) -> str:
    """The SQL twin of ``seconomy.text.fold`` for a column (tested equal on generated text)."""
    replaced = f"lower({column})"  # lower first, as fold does: the Ångström sign lowers to å
    for letter, folded in (("æ", "ae"), ("ø", "oe"), ("å", "aa")):
        replaced = f"replace({replaced}, '{letter}', '{folded}')"
    return f"trim(regexp_replace(strip_accents({replaced}), '[{_SQL_SPACES}_-]+', ' ', 'g'))"


# Python's \s: RE2's \s is ASCII only, so the Unicode spaces (no-break, thin, line separator …) are listed.
_SQL_SPACES = "\\s\\x{1c}-\\x{1f}\\x{85}\\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}"


# ---------------------------------------------------------------- reading and checking rules

def _text(value: object) -> str | None:
    text = "" if value is None else str(value).strip()
    return text or None


def _field(value: object) -> str | None:
    folded = fold(str(value or ""))
    return next((name for name, words in _FIELD_WORDS.items() if folded in words), None)


def _flag(value: object) -> bool | None:
    if isinstance(value, bool):
        return value
    folded = fold(str(value or ""))
    return True if folded in _YES else False if folded in _NO else None


def check_regex(pattern: str) -> str | None:
    """Why a regular expression cannot be used (None when it can): it must compile in Python and in RE2."""
    try:
        re.compile(pattern)
    except re.error as exc:
        return str(exc)
    import duckdb  # RE2 is stricter than Python's re (no look-arounds, no backreferences)

    try:
        duckdb.connect(":memory:").execute("SELECT regexp_matches('', ?)", [pattern]).fetchall()
    except duckdb.Error as exc:
        return str(exc).splitlines()[0]
    return None


def clean_rule(raw: dict[str, object], origin: str = "user") -> tuple[Rule | None, list[Problem]]:
    """A Rule from loose values (a file row, a form), or the problems that stop it."""
    problems: list[Problem] = []
    match = _text(raw.get("match"))
    if match is None:
        problems.append(Problem("match", "required"))
    elif cpr.has_cpr(match, "description"):
        problems.append(Problem("match", "rule_cpr", cpr.mask(match)))
    elif match.lower().startswith(REGEX):
        why = check_regex(fold_pattern(match[len(REGEX):]))
        if not match[len(REGEX):]:
            problems.append(Problem("match", "required"))
        elif why:
            problems.append(Problem("match", "rule_regex", f"{match}: {why}"))
    field = _field(raw.get("field"))
    if field is None:
        problems.append(Problem("field", "choice", str(raw.get("field") or ""), {"choices": ", ".join(FIELDS)}))
    stream_text, stream = _text(raw.get("stream")), None
    if stream_text is not None:
        stream = parse_stream(stream_text)
        if stream is None:
            problems.append(Problem("stream", "choice", stream_text, {"choices": ", ".join(STREAMS)}))
    payer = _text(raw.get("payer"))
    if payer is not None and cpr.has_cpr(payer, "counterparty"):
        problems.append(Problem("payer", "rule_cpr", cpr.mask(payer)))
    municipality = _text(raw.get("municipality"))
    if municipality is not None and municipality != INFERRED and municipalities.resolve(municipality) is None:
        problems.append(Problem("municipality", "municipality", municipality))
    exclude = _flag(raw.get("exclude"))
    if exclude is None:
        problems.append(Problem("exclude", "rule_flag", str(raw.get("exclude"))))
    if not problems and not (stream or payer or municipality or exclude):
        problems.append(Problem("stream", "rule_empty"))
    if problems:
        return None, problems
    return Rule(match, field, stream, payer, municipality, bool(exclude), origin), []


def renumbered(rules: Sequence[Rule]) -> list[Rule]:
    """The rules without ids (positions follow the list order)."""
    return [replace(r, id=None) for r in rules]


def with_origin(rule: Rule) -> Rule:
    """A rule equal to a shipped default stays a default (the file's stated columns win over it); any other is the user's."""
    key = (rule.match, rule.field, rule.stream, rule.payer, rule.municipality, rule.exclude)
    defaults = {(r.match, r.field, r.stream, r.payer, r.municipality, r.exclude) for r in DEFAULT_RULES}
    return replace(rule, origin="default" if key in defaults else "user", id=None)


# ---------------------------------------------------------------- the classification as SQL

@dataclass(frozen=True)
class Compiled:
    """The rules as SQL, in two layers over a row with folded ``f_counterparty``/``f_text``/``f_account`` columns
    (and ``cp_code``, ``tx_code``: the public bodies the counterparty and the start of the text name,
    ``company_form``):

    ``indexes`` gives, per target, the 1-based number of the first matching rule among the rules that set that
    target (x_rule: exclusion, s_rule: stream, m_rule: municipality, p_rule: payer; NULL when none matches);
    ``values`` turns those numbers into rule_excluded_by, rule_stream, rule_stream_by, rule_municipality,
    rule_municipality_by, rule_payer, rule_payer_by. Every word, pattern and value is a bound parameter.
    """

    indexes: str
    index_params: list[object]
    values: str
    value_params: list[object]


_FOLDED = {"counterparty": "f_counterparty", "text": "f_text", "account": "f_account"}
_INFERRED_FROM = {"counterparty": "cp_code", "text": "tx_code", "account": "CAST(NULL AS SMALLINT)",
                  "any": "coalesce(cp_code, tx_code)"}


def _condition(rule: Rule, params: list[object]) -> str:
    if rule.match == EVERYTHING:
        return "true"
    fields = [rule.field] if rule.field != "any" else list(_FOLDED)
    if rule.is_regex:
        needle, test = fold_pattern(rule.match[len(REGEX):]), "regexp_matches"
    else:
        needle, test = fold_word(rule.match), "contains"
    tests = []
    for name in fields:
        params.append(needle)
        tests.append(f"coalesce({test}({_FOLDED[name]}, ?), false)")
    return "(" + " OR ".join(tests) + ")"


def _first(rules: list[Rule], params: list[object], guard: callable | None = None) -> str:
    """The number (1-based) of the first rule of ``rules`` whose condition holds, NULL when none does."""
    if not rules:
        return "CAST(NULL AS INTEGER)"
    whens = []
    for number, rule in enumerate(rules, 1):
        extra = f" AND {guard(rule)}" if guard else ""
        whens.append(f"WHEN {_condition(rule, params)}{extra} THEN {number}")
    return "CASE " + " ".join(whens) + " END"


def _place_known(rule: Rule) -> str:
    """A ``*`` rule sets a municipality only when the text names a public body (and not for a company)."""
    return f"{_INFERRED_FROM[rule.field]} IS NOT NULL AND NOT company_form" if rule.municipality == INFERRED else "true"


def compile_rules(rules: Sequence[Rule]) -> Compiled:
    """The rule table as SQL (see ``Compiled``); first match wins per target, in table order."""
    excluding = [r for r in rules if r.exclude]
    streaming = [r for r in rules if r.stream]
    placing = [r for r in rules if r.municipality]
    paying = [r for r in rules if r.payer]
    index_params: list[object] = []
    indexes = ", ".join([
        f"{_first(excluding, index_params)} AS x_rule",
        f"{_first(streaming, index_params)} AS s_rule",
        f"{_first(placing, index_params, _place_known)} AS m_rule",
        f"{_first(paying, index_params)} AS p_rule",
    ])
    value_params: list[object] = []

    def pick(values: list[object], index: str, kind: str) -> str:
        if not values:
            return f"CAST(NULL AS {kind})"
        value_params.append(values)
        return f"list_extract(CAST(? AS {kind}[]), {index})"

    def place() -> str:
        cases = " ".join(f"WHEN {n} THEN {_INFERRED_FROM[r.field]}" for n, r in enumerate(placing, 1)
                         if r.municipality == INFERRED)
        named = pick([r.municipality_code if r.municipality != INFERRED else None for r in placing], "m_rule", "SMALLINT")
        return f"CASE m_rule {cases} ELSE {named} END" if cases else named

    columns = []  # built in order: each pick() appends its parameter as the expression is written
    columns.append(f"{pick([r.label for r in excluding], 'x_rule', 'VARCHAR')} AS rule_excluded_by")
    columns.append(f"{pick([r.stream for r in streaming], 's_rule', 'VARCHAR')} AS rule_stream")
    columns.append(f"{pick([r.label for r in streaming], 's_rule', 'VARCHAR')} AS rule_stream_by")
    columns.append(f"{place()} AS rule_municipality")
    columns.append(f"{pick([r.label for r in placing], 'm_rule', 'VARCHAR')} AS rule_municipality_by")
    columns.append(f"{pick([r.payer for r in paying], 'p_rule', 'VARCHAR')} AS rule_payer")
    columns.append(f"{pick([r.label for r in paying], 'p_rule', 'VARCHAR')} AS rule_payer_by")
    return Compiled(indexes, index_params, ", ".join(columns), value_params)


def stored_rules(con) -> tuple[Rule, ...]:
    """The rule table, in order."""
    rows = con.execute("SELECT id, match, field, stream, payer, municipality, exclude, origin FROM rules "
                       "ORDER BY position, id").fetchall()
    return tuple(Rule(m, f, s, p, mu, bool(x), o, i) for i, m, f, s, p, mu, x, o in rows)
