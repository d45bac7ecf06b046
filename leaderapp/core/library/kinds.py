"""Exercise kinds and the structured data each kind carries in its ``[data]`` table.

The kind says how a step's answers are captured (and so which page the GUI shows); the data
is what that page needs beyond title, purpose, instructions and prompts: the four result
areas of a polarity map, the five competence dimensions, the dilemma cards, and so on.
Every text in the data is bilingual side by side (``name.da`` / ``name.en``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from leaderapp.core.i18n import SUPPORTED_LANGUAGES
from leaderapp.core.library.fields import (
    LibraryError,
    Localized,
    exact_keys,
    field,
    localized,
    only_keys,
    table_list,
    unique_keys,
    whole_number,
)

# A polarity prompt is asked of each pole: {area} is that pole, {other} the opposite one.
AREA = frozenset({"area", "other"})


@dataclass(frozen=True)
class Context:
    """What a kind's data may refer to outside its own file."""

    value_keys: frozenset[str]


# ------------------------------------------------------------------ helpers
def _localized_list(data: dict, key: str, where: str) -> tuple[Localized, ...]:
    """Parallel lists (``actions.da = [...]``, ``actions.en = [...]``) as bilingual items."""
    block = field(data, key, dict, where)
    fw = f"{where} {key}"
    only_keys(block, set(SUPPORTED_LANGUAGES), fw)
    lists = {lang: field(block, lang, list, fw) for lang in SUPPORTED_LANGUAGES}
    if len({len(items) for items in lists.values()}) != 1:
        raise LibraryError(f"{fw}: the languages have different numbers of items")
    items = []
    for i in range(len(lists[SUPPORTED_LANGUAGES[0]])):
        row = {lang: lists[lang][i] for lang in SUPPORTED_LANGUAGES}
        items.append(localized({"item": row}, "item", f"{fw} item {i + 1}"))
    return tuple(items)


# --------------------------------------------------------- attitude_action
@dataclass(frozen=True)
class AttitudeExample:
    attitude: Localized
    actions: tuple[Localized, ...]


@dataclass(frozen=True)
class AttitudeAction:
    """Statements of attitude, each with concrete actions (the communication policy's form)."""

    attitude_label: Localized
    action_label: Localized
    min_actions: int
    examples: dict[str, AttitudeExample]  # value key -> a worked example to start from


def _attitude_action(data: dict, where: str, ctx: Context) -> AttitudeAction:
    only_keys(data, {"attitude_label", "action_label", "min_actions", "examples"}, where)
    examples = {}
    for i, raw in enumerate(table_list(data, "examples", where), start=1):
        ew = f"{where} example {i}"
        only_keys(raw, {"value", "attitude", "actions"}, ew)
        key = field(raw, "value", str, ew)
        if key not in ctx.value_keys:
            raise LibraryError(f"{ew}: unknown value {key!r}")
        examples[key] = AttitudeExample(
            localized(raw, "attitude", ew), _localized_list(raw, "actions", ew)
        )
    return AttitudeAction(
        localized(data, "attitude_label", where),
        localized(data, "action_label", where),
        whole_number(data, "min_actions", where, 1, 5),
        examples,
    )


# ------------------------------------------------------------ expectations
@dataclass(frozen=True)
class Voice:
    key: str  # "of_us" (what employees can expect of us) or "of_you" (what we expect of them)
    label: Localized
    prompt: Localized


@dataclass(frozen=True)
class Expectations:
    voices: tuple[Voice, ...]


def _expectations(data: dict, where: str, ctx: Context) -> Expectations:
    only_keys(data, {"voices"}, where)
    raws = table_list(data, "voices", where)
    exact_keys(unique_keys(raws, where, "voice"), ("of_us", "of_you"), where, "voices")
    voices = []
    for raw in raws:
        vw = f"{where} voice {raw['key']}"
        only_keys(raw, {"key", "label", "prompt"}, vw)
        voices.append(Voice(raw["key"], localized(raw, "label", vw), localized(raw, "prompt", vw)))
    return Expectations(tuple(voices))


# ------------------------------------------------------------ polarity_map
@dataclass(frozen=True)
class ResultArea:
    key: str
    name: Localized
    description: Localized


@dataclass(frozen=True)
class Placement:
    """Each participant marks where the group is now and where it should be, on a scale of
    ``positions`` steps from the left pole to the right pole."""

    positions: int
    prompt: Localized
    now_label: Localized
    target_label: Localized


QUADRANTS = ("left_upside", "right_upside", "left_downside", "right_downside")


@dataclass(frozen=True)
class PolarityMap:
    """Two of the result areas that pull against each other yet need each other."""

    areas: tuple[ResultArea, ...]
    default_pair: tuple[str, str]
    quadrants: dict[str, Localized]  # QUADRANTS -> prompt about {area}, its pole, and {other}
    warning_signs: Localized  # per pole: early signs that we over-weight {area}
    action_steps: Localized  # per pole: what we do to keep the upsides of {area}
    placement: Placement

    def area(self, key: str) -> ResultArea:
        return next(a for a in self.areas if a.key == key)


def _polarity_map(data: dict, where: str, ctx: Context) -> PolarityMap:
    fields = {"areas", "default_pair", "quadrants", "warning_signs", "action_steps", "placement"}
    only_keys(data, fields, where)
    raws = table_list(data, "areas", where)
    keys = unique_keys(raws, where, "area")
    if len(keys) < 2:
        raise LibraryError(f"{where}: 'areas' needs at least two areas to balance")
    areas = []
    for raw in raws:
        aw = f"{where} area {raw['key']}"
        only_keys(raw, {"key", "name", "description"}, aw)
        areas.append(
            ResultArea(raw["key"], localized(raw, "name", aw), localized(raw, "description", aw))
        )
    pair = field(data, "default_pair", list, where)
    if len(pair) != 2 or pair[0] == pair[1] or not set(pair) <= set(keys):
        raise LibraryError(f"{where}: 'default_pair' must be two different areas of {keys}")
    quadrants_raw = field(data, "quadrants", dict, where)
    qw = f"{where} quadrants"
    only_keys(quadrants_raw, set(QUADRANTS), qw)
    quadrants = {q: localized(quadrants_raw, q, qw, AREA) for q in QUADRANTS}
    placement_raw = field(data, "placement", dict, where)
    pw = f"{where} placement"
    only_keys(placement_raw, {"positions", "prompt", "now_label", "target_label"}, pw)
    positions = whole_number(placement_raw, "positions", pw, 3, 11)
    if positions % 2 == 0:
        raise LibraryError(f"{pw}: 'positions' must be odd, so that the scale has a middle")
    placement = Placement(
        positions,
        localized(placement_raw, "prompt", pw),
        localized(placement_raw, "now_label", pw),
        localized(placement_raw, "target_label", pw),
    )
    return PolarityMap(
        tuple(areas),
        (pair[0], pair[1]),
        quadrants,
        localized(data, "warning_signs", where, AREA),
        localized(data, "action_steps", where, AREA),
        placement,
    )


# ----------------------------------------------------------------- from_to
@dataclass(frozen=True)
class FromTo:
    from_label: Localized
    to_label: Localized
    behaviour_stem: Localized  # "This means that I as a leader, for example, …"


def _from_to(data: dict, where: str, ctx: Context) -> FromTo:
    only_keys(data, {"from_label", "to_label", "behaviour_stem"}, where)
    return FromTo(
        localized(data, "from_label", where),
        localized(data, "to_label", where),
        localized(data, "behaviour_stem", where),
    )


# ------------------------------------------------------------- triple_task
TRIPLE_LEVELS = ("own_area", "across_organisation", "across_sectors")


@dataclass(frozen=True)
class Level:
    key: str
    name: Localized
    prompt: Localized


@dataclass(frozen=True)
class TripleTask:
    levels: tuple[Level, ...]  # own area, across the organisation, across sectors


def _triple_task(data: dict, where: str, ctx: Context) -> TripleTask:
    only_keys(data, {"levels"}, where)
    raws = table_list(data, "levels", where)
    exact_keys(unique_keys(raws, where, "level"), TRIPLE_LEVELS, where, "levels")
    levels = []
    for raw in raws:
        lw = f"{where} level {raw['key']}"
        only_keys(raw, {"key", "name", "prompt"}, lw)
        levels.append(Level(raw["key"], localized(raw, "name", lw), localized(raw, "prompt", lw)))
    return TripleTask(tuple(levels))


# ------------------------------------------------------- competence_rating
DIMENSIONS = ("bor", "kan", "vil", "ma", "tor")  # bør, kan, vil, må, tør


@dataclass(frozen=True)
class Dimension:
    key: str
    name: Localized
    question: Localized


@dataclass(frozen=True)
class ScalePoint:
    score: int
    label: Localized


@dataclass(frozen=True)
class CompetenceRating:
    """The group rates itself on each dimension for a change it faces (shown as a radar)."""

    dimensions: tuple[Dimension, ...]
    scale: tuple[ScalePoint, ...]  # scores 1..5 in order

    @property
    def lowest(self) -> int:
        return self.scale[0].score

    @property
    def highest(self) -> int:
        return self.scale[-1].score


def _competence_rating(data: dict, where: str, ctx: Context) -> CompetenceRating:
    only_keys(data, {"dimensions", "scale"}, where)
    raws = table_list(data, "dimensions", where)
    exact_keys(unique_keys(raws, where, "dimension"), DIMENSIONS, where, "dimensions")
    dimensions = []
    for raw in raws:
        dw = f"{where} dimension {raw['key']}"
        only_keys(raw, {"key", "name", "question"}, dw)
        dimensions.append(
            Dimension(raw["key"], localized(raw, "name", dw), localized(raw, "question", dw))
        )
    scale = []
    for i, raw in enumerate(table_list(data, "scale", where), start=1):
        sw = f"{where} scale point {i}"
        only_keys(raw, {"score", "label"}, sw)
        scale.append(ScalePoint(field(raw, "score", int, sw), localized(raw, "label", sw)))
    scores = [p.score for p in scale]
    if scores != [1, 2, 3, 4, 5]:
        raise LibraryError(f"{where}: 'scale' must label the scores 1, 2, 3, 4, 5 in order")
    return CompetenceRating(tuple(dimensions), tuple(scale))


# ---------------------------------------------------------------- dilemmas
MIN_DILEMMAS, MAX_DILEMMAS = 8, 12


@dataclass(frozen=True)
class DilemmaCard:
    key: str
    title: Localized
    situation: Localized
    tension: tuple[str, str]  # value keys or result-area keys that pull against each other


@dataclass(frozen=True)
class Dilemmas:
    cards: tuple[DilemmaCard, ...]


def _dilemmas(data: dict, where: str, ctx: Context) -> Dilemmas:
    only_keys(data, {"cards"}, where)
    raws = table_list(data, "cards", where)
    if not MIN_DILEMMAS <= len(raws) <= MAX_DILEMMAS:
        raise LibraryError(
            f"{where}: 'cards' must hold {MIN_DILEMMAS}-{MAX_DILEMMAS} dilemmas, not {len(raws)}"
        )
    unique_keys(raws, where, "card")
    cards = []
    for raw in raws:
        cw = f"{where} card {raw['key']}"
        only_keys(raw, {"key", "title", "situation", "tension"}, cw)
        tension = field(raw, "tension", list, cw)
        if (
            len(tension) != 2
            or not all(isinstance(t, str) for t in tension)
            or tension[0] == tension[1]
        ):
            raise LibraryError(f"{cw}: 'tension' must name two different values or areas")
        cards.append(
            DilemmaCard(
                raw["key"],
                localized(raw, "title", cw),
                localized(raw, "situation", cw),
                (tension[0], tension[1]),
            )
        )
    return Dilemmas(tuple(cards))


# -------------------------------------------------------------- dot_voting
@dataclass(frozen=True)
class DotVoting:
    dots_per_participant: int  # the default; the facilitator may change it per step
    max_per_note: int  # how many of one participant's dots may land on the same note


def _dot_voting(data: dict, where: str, ctx: Context) -> DotVoting:
    only_keys(data, {"dots_per_participant", "max_per_note"}, where)
    dots = whole_number(data, "dots_per_participant", where, 1, 10)
    return DotVoting(dots, whole_number(data, "max_per_note", where, 1, dots))


# -------------------------------------------------------------- foundation
@dataclass(frozen=True)
class FoundationGuide:
    min_principles: int  # per value, as in a finished foundation: a few short bullets
    max_principles: int


def _foundation(data: dict, where: str, ctx: Context) -> FoundationGuide:
    only_keys(data, {"min_principles", "max_principles"}, where)
    low = whole_number(data, "min_principles", where, 1, 10)
    return FoundationGuide(low, whole_number(data, "max_principles", where, low, 10))


# --------------------------------------------------------------- follow_up
FOLLOW_UP_PARTS = ("rerate", "commitment_review", "what_changed")


@dataclass(frozen=True)
class FollowUpPart:
    key: str
    title: Localized
    prompt: Localized


@dataclass(frozen=True)
class Status:
    key: str
    label: Localized


@dataclass(frozen=True)
class FollowUp:
    rating_exercise: str  # the competence_rating exercise whose dimensions are re-rated
    parts: tuple[FollowUpPart, ...]
    statuses: tuple[Status, ...]  # a commitment's status at the review


def _follow_up(data: dict, where: str, ctx: Context) -> FollowUp:
    only_keys(data, {"rating_exercise", "parts", "statuses"}, where)
    raws = table_list(data, "parts", where)
    exact_keys(unique_keys(raws, where, "part"), FOLLOW_UP_PARTS, where, "parts")
    parts = []
    for raw in raws:
        pw = f"{where} part {raw['key']}"
        only_keys(raw, {"key", "title", "prompt"}, pw)
        parts.append(
            FollowUpPart(raw["key"], localized(raw, "title", pw), localized(raw, "prompt", pw))
        )
    status_raws = table_list(data, "statuses", where)
    keys = unique_keys(status_raws, where, "status")
    if len(keys) < 2:
        raise LibraryError(f"{where}: 'statuses' needs at least two statuses")
    statuses = []
    for raw in status_raws:
        sw = f"{where} status {raw['key']}"
        only_keys(raw, {"key", "label"}, sw)
        statuses.append(Status(raw["key"], localized(raw, "label", sw)))
    return FollowUp(field(data, "rating_exercise", str, where), tuple(parts), tuple(statuses))


KindData = (
    AttitudeAction
    | Expectations
    | PolarityMap
    | FromTo
    | TripleTask
    | CompetenceRating
    | Dilemmas
    | DotVoting
    | FoundationGuide
    | FollowUp
)

# Kind -> parser of its [data] table; None: the kind has no data (and must not have any).
_PARSERS: dict[str, Callable[[dict, str, Context], KindData] | None] = {
    "notes": None,
    "attitude_action": _attitude_action,
    "expectations": _expectations,
    "polarity_map": _polarity_map,
    "from_to": _from_to,
    "triple_task": _triple_task,
    "competence_rating": _competence_rating,
    "dilemmas": _dilemmas,
    "dot_voting": _dot_voting,
    "foundation": _foundation,
    "commitments": None,
    "follow_up": _follow_up,
    "export": None,
}

# How an exercise's answers are captured; the GUI picks a page per kind.
KINDS = tuple(_PARSERS)


def parse_data(kind: str, exercise: dict, where: str, ctx: Context) -> KindData | None:
    """The kind-specific data of a parsed exercise file (``kind`` already checked)."""
    parser = _PARSERS[kind]
    if parser is None:
        if "data" in exercise:
            raise LibraryError(f"{where}: kind {kind!r} takes no 'data' table")
        return None
    return parser(field(exercise, "data", dict, where), f"{where} data", ctx)
