"""The scenario specification (SPEC.json): parsing, validation, and writing it back.

A spec is plain JSON so the CLI, the page and the database share one format::

    {"name": "...", "start": "YYYY-MM", "months": 12,
     "shocks": [{"municipality": "Gladsaxe", "change": -1.0, "from": "2027-04"}, ...],
     "costs": [{"change": 0.05}],
     "simulation": {"cut_probability": 0.15, "cut_size": [0.1, 0.4], "cut_month": 8,
                    "volatility": {"product_sale": 0.12}}}

Every problem is a ScenarioError whose message names the shock ("shock 2 (...): ...") so a user
can find it in a long file. Checks that need the data (does this payer exist?) happen when the
shocks are matched against the forecast, with the same kind of message.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal, InvalidOperation

from seconomy import municipalities
from seconomy.errors import ScenarioError
from seconomy.forecast.baseline import MAX_MONTHS
from seconomy.forecast.months import month_text, parse_month
from seconomy.ingest.cpr import has_cpr
from seconomy.streams import STREAMS, parse_stream
from seconomy.text import decode_text

MATCH_FIELDS = ("payer", "municipality", "stream", "counterparty", "agreement")
EFFECT_FIELDS = ("change", "amount")
SHOCK_FIELDS = (*MATCH_FIELDS, *EFFECT_FIELDS, "from", "to", "label", "new")
COST_MATCH_FIELDS = ("category", "kind", "stream")
COST_FIELDS = (*COST_MATCH_FIELDS, *EFFECT_FIELDS, "from", "to", "label")
SPEC_FIELDS = ("name", "start", "months", "shocks", "costs", "simulation", "description")
SIMULATION_FIELDS = ("cut_probability", "cut_size", "cut_month", "volatility", "persistence", "correlation")
COST_KINDS = ("fixed", "variable", "wage")
ANY_MUNICIPALITY = "*"
MAX_CHANGE = 10.0  # +1000 %: anything larger is a typo for an amount
MAX_ID = 2**31 - 1  # agreement ids are INTEGERs
DEFAULT_VOLATILITY = {"product_sale": 0.12, "municipal_contract": 0.03, "wage_subsidy": 0.05,
                      "foundation_grant": 0.0, "public_grant": 0.0, "other": 0.3}
DEFAULT_PERSISTENCE = 0.6  # AR(1) φ of the income level when the history cannot tell


@dataclass(frozen=True)
class Shock:
    """One change to income: which lines it matches, by how much, and in which months."""

    payer: str | None = None
    municipality: str | None = None  # as written; ANY_MUNICIPALITY for every municipality
    municipality_code: int | None = None
    stream: str | None = None
    counterparty: str | None = None
    agreement: int | None = None
    change: float | None = None  # relative: -1.0 stops the income, 0.1 adds 10 %
    amount: Decimal | None = None  # kr. per month added (negative: taken away)
    start: dt.date | None = None  # 'from'; None = the first reported month
    end: dt.date | None = None  # 'to', inclusive; None = to the end of the forecast
    label: str | None = None
    new: bool = False  # an amount from someone the forecast does not have: a line of its own

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for name in ("payer", "municipality", "stream", "counterparty", "agreement", "change"):
            if getattr(self, name) is not None:
                out[name] = getattr(self, name)
        if self.amount is not None:
            out["amount"] = float(self.amount)
        if self.new:
            out["new"] = True
        if self.start:
            out["from"] = month_text(self.start)
        if self.end:
            out["to"] = month_text(self.end)
        if self.label:
            out["label"] = self.label
        return out


@dataclass(frozen=True)
class CostShock:
    """One change to costs: matched lines of the costs table × (1 + change), or an amount per month."""

    category: str | None = None
    kind: str | None = None
    stream: str | None = None
    change: float | None = None
    amount: Decimal | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    label: str | None = None

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {k: getattr(self, k) for k in ("category", "kind", "stream", "change")
                                  if getattr(self, k) is not None}
        if self.amount is not None:
            out["amount"] = float(self.amount)
        if self.start:
            out["from"] = month_text(self.start)
        if self.end:
            out["to"] = month_text(self.end)
        if self.label:
            out["label"] = self.label
        return out


@dataclass(frozen=True)
class Simulation:
    """Monte Carlo assumptions: mid-year cuts per municipality, the income level's volatility and persistence per
    stream (what the spec gives; the rest is calibrated from the history or the defaults), and the correlation of
    one municipality's renewals and cuts in a budget year (None: the setting ``renewal_correlation``)."""

    cut_probability: Mapping[str, float] = field(default_factory=lambda: {ANY_MUNICIPALITY: 0.15})
    cut_size: tuple[float, float] = (0.1, 0.4)
    cut_month: int = 8
    volatility: Mapping[str, float] = field(default_factory=dict)
    persistence: Mapping[str, float] = field(default_factory=dict)
    correlation: float | None = None

    def sigma(self, stream: str, calibrated: Mapping[str, tuple[float, float]]) -> float:
        """The stream's monthly volatility: the spec's, else the history's, else the default."""
        if stream in self.volatility:
            return self.volatility[stream]
        return calibrated[stream][0] if stream in calibrated else DEFAULT_VOLATILITY.get(stream, 0.0)

    def phi(self, stream: str, calibrated: Mapping[str, tuple[float, float]]) -> float:
        """The stream's persistence (AR(1) φ): the spec's, else the history's, else the default."""
        if stream in self.persistence:
            return self.persistence[stream]
        return calibrated[stream][1] if stream in calibrated else DEFAULT_PERSISTENCE

    def probability_for(self, code: int) -> float:
        """The cut probability of a municipality: its own entry, else the '*' default, else 0."""
        for key, value in self.cut_probability.items():
            if key != ANY_MUNICIPALITY and municipalities.resolve(key) == code:
                return value
        return self.cut_probability.get(ANY_MUNICIPALITY, 0.0)

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"cut_probability": dict(self.cut_probability), "cut_size": list(self.cut_size),
                                  "cut_month": self.cut_month}
        if self.volatility:
            out["volatility"] = dict(self.volatility)
        if self.persistence:
            out["persistence"] = dict(self.persistence)
        if self.correlation is not None:
            out["correlation"] = self.correlation
        return out


@dataclass(frozen=True)
class Spec:
    name: str = "Scenario"
    start: dt.date | None = None
    months: int = 12
    shocks: tuple[Shock, ...] = ()
    costs: tuple[CostShock, ...] = ()
    simulation: Simulation = field(default_factory=Simulation)
    description: str | None = None

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"name": self.name}
        if self.start:
            out["start"] = month_text(self.start)
        out["months"] = self.months
        out["shocks"] = [s.to_dict() for s in self.shocks]
        if self.costs:
            out["costs"] = [c.to_dict() for c in self.costs]
        if self.simulation != Simulation():
            out["simulation"] = self.simulation.to_dict()
        if self.description:
            out["description"] = self.description
        return out

    def to_json(self) -> str:
        """Canonical JSON: the key for caches and the text stored in the database."""
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=True)

    def with_shocks(self, shocks: tuple[Shock, ...]) -> Spec:
        return replace(self, shocks=shocks)


def _compact(raw: object) -> str:
    return json.dumps(raw, ensure_ascii=False)[:120]


class _Reader:
    """Reads the fields of one JSON object, raising a ScenarioError that says where."""

    def __init__(self, raw: object, where: str, allowed: tuple[str, ...]):
        self.where = where
        if not isinstance(raw, Mapping):
            raise ScenarioError(f"{where}: must be a JSON object, not {_compact(raw)}")
        self.raw = raw
        unknown = [k for k in raw if k not in allowed]
        if unknown:
            raise self.error(f"unknown field {unknown[0]!r} (known: {', '.join(allowed)})")

    def error(self, message: str) -> ScenarioError:
        text = f"{self.where}: {message}"
        return ScenarioError(text if len(text) <= 400 else text[:399] + "…")  # a 5 000-character value stays readable

    def text(self, name: str) -> str | None:
        value = self.raw.get(name)
        if value is None:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.error(f"{name} must be a non-empty text, not {_compact(value)}")
        if has_cpr(value, "description"):  # names, labels, descriptions are stored and shown: never a CPR number
            raise self.error(f"{name} contains a CPR number (CPR numbers are never stored)")
        return value.strip()

    def number(self, name: str, low: float, high: float) -> float | None:
        value = self.raw.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            raise self.error(f"{name} must be a number, not {_compact(value)}")
        if not low <= value <= high:
            raise self.error(f"{name} {value} is outside {low:g} … {high:g}")
        return float(value)

    def amount(self, name: str) -> Decimal | None:
        value = self.number(name, -1e9, 1e9)
        if value is None:
            return None
        try:
            return Decimal(repr(value)).quantize(Decimal("0.01"))
        except InvalidOperation as exc:  # pragma: no cover - finite floats always convert
            raise self.error(f"{name} is not an amount") from exc

    def month(self, name: str) -> dt.date | None:
        value = self.raw.get(name)
        if value is None:
            return None
        try:
            return parse_month(value)
        except ValueError:
            raise self.error(f"{name} {_compact(value)} is not a month (use YYYY-MM)") from None

    def stream(self) -> str | None:
        text = self.text("stream")
        if text is None:
            return None
        stream = parse_stream(text)
        if stream is None:
            raise self.error(f"unknown stream {text!r} (known: {', '.join(STREAMS)})")
        return stream

    def period_and_effect(self) -> dict[str, object]:
        start, end = self.month("from"), self.month("to")
        if start and end and end < start:
            raise self.error(f"to {month_text(end)} is before from {month_text(start)}")
        change, amount = self.number("change", -1.0, MAX_CHANGE), self.amount("amount")
        if (change is None) == (amount is None):
            raise self.error("give exactly one of change (a fraction, -1.0 = stops) or amount (kr. per month)")
        return {"start": start, "end": end, "change": change, "amount": amount, "label": self.text("label")}


def _shock(raw: object, number: int) -> Shock:
    reader = _Reader(raw, f"shock {number} ({_compact(raw)})", SHOCK_FIELDS)
    if not any(reader.raw.get(k) is not None for k in MATCH_FIELDS) and reader.raw.get("amount") is None:
        raise reader.error(f"say what it hits: one or more of {', '.join(MATCH_FIELDS)}")
    municipality, code = reader.text("municipality"), None
    if municipality is not None and municipality != ANY_MUNICIPALITY:
        code = municipalities.resolve(municipality)
        if code is None:
            raise reader.error(f"unknown municipality {municipality!r}")
    agreement = reader.raw.get("agreement")
    if agreement is not None and (isinstance(agreement, bool) or not isinstance(agreement, int)
                                  or not 1 <= agreement <= MAX_ID):
        raise reader.error(f"agreement must be an agreement id (a whole number), not {_compact(agreement)}")
    new = reader.raw.get("new", False)
    if not isinstance(new, bool):
        raise reader.error(f"new must be true or false, not {_compact(new)}")
    return Shock(payer=reader.text("payer"), municipality=municipality, municipality_code=code, stream=reader.stream(),
                 counterparty=reader.text("counterparty"), agreement=agreement, new=new, **reader.period_and_effect())


def _cost_shock(raw: object, number: int) -> CostShock:
    reader = _Reader(raw, f"cost change {number} ({_compact(raw)})", COST_FIELDS)
    kind = reader.text("kind")
    if kind is not None and kind not in COST_KINDS:
        raise reader.error(f"unknown kind {kind!r} (known: {', '.join(COST_KINDS)})")
    return CostShock(category=reader.text("category"), kind=kind, stream=reader.stream(), **reader.period_and_effect())


def _simulation(raw: object) -> Simulation:
    if raw is None:
        return Simulation()
    reader = _Reader(raw, "simulation", SIMULATION_FIELDS)
    default = Simulation()
    cut = reader.raw.get("cut_probability", None)
    if cut is None:
        probabilities = dict(default.cut_probability)
    elif isinstance(cut, Mapping):
        probabilities = {}
        for key, value in cut.items():
            if key != ANY_MUNICIPALITY and municipalities.resolve(key) is None:
                raise reader.error(f"cut_probability: unknown municipality {key!r}")
            probabilities[key] = _Reader({"p": value}, f"simulation: cut_probability[{key!r}]", ("p",)).number("p", 0, 1)
    else:
        probabilities = {ANY_MUNICIPALITY: reader.number("cut_probability", 0, 1)}
    size = reader.raw.get("cut_size", list(default.cut_size))
    if (not isinstance(size, (list, tuple)) or len(size) != 2
            or not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in size)
            or not 0 <= size[0] <= size[1] <= 1):
        raise reader.error(f"cut_size must be [low, high] with 0 ≤ low ≤ high ≤ 1, not {_compact(size)}")
    month = reader.raw.get("cut_month", default.cut_month)
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise reader.error(f"cut_month must be a month of the year 1–12, not {_compact(month)}")
    volatility = _per_stream(reader, "volatility", 0, 2)
    persistence = _per_stream(reader, "persistence", 0, 0.99)
    correlation = reader.number("correlation", 0, 1)
    return Simulation(probabilities, (float(size[0]), float(size[1])), month, volatility, persistence, correlation)


def _per_stream(reader: _Reader, name: str, low: float, high: float) -> dict[str, float]:
    """``{stream: value}`` of the simulation block (stream ids or Danish words)."""
    raw = reader.raw.get(name) or {}
    if not isinstance(raw, Mapping):
        raise reader.error(f"{name} must be an object {{stream: value}}")
    out = {}
    for key, value in raw.items():
        stream = parse_stream(key)
        if stream is None:
            raise reader.error(f"{name}: unknown stream {key!r} (known: {', '.join(STREAMS)})")
        out[stream] = _Reader({"v": value}, f"simulation: {name}[{key!r}]", ("v",)).number("v", low, high)
    return out


def _json(text: str | bytes) -> object:
    """The JSON of a spec; every way JSON text can fail is a ScenarioError (not a traceback)."""
    if isinstance(text, bytes):
        text = decode_text(text, "the scenario")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ScenarioError(f"the scenario is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except RecursionError:
        raise ScenarioError("the scenario is not a scenario: its JSON is nested too deeply") from None
    except ValueError:  # an integer of more than 4 300 digits
        raise ScenarioError("the scenario is not valid JSON: a number in it has too many digits") from None


def parse_spec(raw: str | bytes | Mapping[str, object]) -> Spec:
    """A validated Spec from JSON text or an already parsed object."""
    if isinstance(raw, (str, bytes)):
        raw = _json(raw)
    reader = _Reader(raw, "scenario", SPEC_FIELDS)
    months = reader.raw.get("months", 12)
    if isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= MAX_MONTHS:
        raise reader.error(f"months must be a whole number from 1 to {MAX_MONTHS}, not {_compact(months)}")
    shocks, costs = reader.raw.get("shocks") or [], reader.raw.get("costs") or []
    if not isinstance(shocks, list) or not isinstance(costs, list):
        raise reader.error("shocks and costs must be lists")
    return Spec(
        name=reader.text("name") or "Scenario",
        start=reader.month("start"),
        months=months,
        shocks=tuple(_shock(s, i) for i, s in enumerate(shocks, 1)),
        costs=tuple(_cost_shock(c, i) for i, c in enumerate(costs, 1)),
        simulation=_simulation(reader.raw.get("simulation")),
        description=reader.text("description"),
    )
