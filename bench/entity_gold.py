"""Gold data and scorers for bench/entities.py (and the tests that check real pages).

- Pages: bench/gold/entities_{dev,heldout,fresh}.json list the people, organisations and places of
  mozilla-readability test pages, with aliases ("a|b"), written by reading the pages;
  entities_fresh2.json and entities_fresh3.json do the same for ten ECB+ reports each
  ("ecbplus/37/37_3ecb"); entities_wndev.json and entities_fresh4.json for Wikinews articles
  ("wikinews/NAME", bench/gold/wikinews).
- ECB+: `CROSS_DOC_COREF` chains over person, organisation and place mentions of
  ../shared/testdata/ecbplus give cross-document gold clusters.

Scores: per-entity P/R/F1 (a sidebar entity matches a gold entity of its type through any alias;
a second sidebar entity for one gold entity is an error), pairwise F1 over mentions (within an
article, and across the library), shared-entity listing on same-event pairs, junk counts.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

from kimreader.analysis.entity import Entity
from kimreader.analysis.names import PARTICLES, canonical_key
from kimreader.analysis.prose import held_line_breaks
from kimreader.corpus.article import Article

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared/testdata/mozilla-readability/test/test-pages"
ECBPLUS = ROOT.parent / "shared/testdata/ecbplus"
GOLD_DIR = ROOT / "bench/gold"
WIKINEWS = GOLD_DIR / "wikinews"  # Wikinews articles of wndev, fresh4(v), fresh5-12, wnrev
RESERVED = "reserved_fresh3.json"  # in GOLD_DIR: ECB+ reports kept unseen for the blind fresh3 sets
SIDEBAR_TYPES = ("person", "org", "place")
VERDICT_ONLY = (
    "fresh4v",
)  # Wikinews articles of the same-story verdict pairs: no gold of their own


def wikinews_splits() -> tuple[str, ...]:
    """The Wikinews gold splits, wndev (the first) and then in the order manifest.json adds
    them (fresh4, fresh5, …): one list for every bench script that scores them."""
    manifest = json.loads((WIKINEWS / "manifest.json").read_text("utf-8"))["articles"]
    splits = [s for s in dict.fromkeys(a["split"] for a in manifest) if s not in VERDICT_ONLY]
    return tuple(sorted(splits, key=lambda split: split != "wndev"))


# ---------------------------------------------------------------- page gold


@dataclass(frozen=True)
class GoldEntity:
    type: str
    aliases: tuple[str, ...]

    @property
    def name(self) -> str:
        return self.aliases[0]

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(canonical_key(a, self.type) for a in self.aliases)  # type: ignore[arg-type]


@dataclass(frozen=True)
class GoldPage:
    name: str
    entities: tuple[GoldEntity, ...]
    optional: Mapping[str, frozenset[str]]  # type ("any" too) -> keys

    def is_optional(self, entity: Entity) -> bool:
        keys = _entity_keys(entity)
        if entity.type == "person" and keys & self.optional.get("any person", frozenset()):
            return True
        return bool(keys & self.optional.get(entity.type, frozenset())) or bool(
            {canonical_key(a) for a in entity.aliases} & self.optional.get("any", frozenset())
        )


def load_gold(split: str) -> list[GoldPage]:
    raw = json.loads((GOLD_DIR / f"entities_{split}.json").read_text("utf-8"))
    pages = []
    for name, page in raw["pages"].items():
        entities = tuple(
            GoldEntity(kind, tuple(entry.split("|")))
            for kind in SIDEBAR_TYPES
            for entry in page.get(kind, ())
        )
        optional = {
            kind: frozenset(
                canonical_key(a, None if kind == "any" else kind)  # type: ignore[arg-type]
                for entry in entries
                for a in entry.split("|")
            )
            for kind, entries in page.get("optional", {}).items()
        }
        # An optional name of any type read as a person's: "Mrs. Potts" is the sidebar's "Potts".
        optional["any person"] = frozenset(
            canonical_key(a, "person")
            for entry in page.get("optional", {}).get("any", ())
            for a in entry.split("|")
        )
        pages.append(GoldPage(name, entities, optional))
    return pages


def page_body(name: str) -> str:
    """The page's body as kimreader imports it: source.html through the HTML reader; for
    "ecbplus/TOPIC/REPORT" the ECB+ report's whole text, read as bench/compare_gold.py reads it;
    for "wikinews/NAME" the whole text of bench/gold/wikinews/NAME.txt."""
    if name.startswith("wikinews/"):
        return wikinews_article(name).body
    if name.startswith("ecbplus/"):
        from compare_gold import _article  # bench/ is on sys.path, as for this module

        _corpus, topic, report = name.split("/")
        return _article(f"ecbplus/text/{topic}/{report}.txt").body
    from kimreader.corpus.readers import read_file

    return read_file(PAGES / name / "source.html").body


def wikinews_article(name: str, dated: bool = False) -> Article:
    """A "wikinews/NAME" page as kimreader imports it: the whole text of
    bench/gold/wikinews/NAME.txt (also read so by bench/meaning.py's verdict pairs); `dated`:
    with its publication date from manifest.json, as an import of the page itself would have."""
    from datetime import date

    stem = name.removeprefix("wikinews/")
    text = (WIKINEWS / f"{stem}.txt").read_text("utf-8")
    if not dated:
        return Article.create(stem, text)
    manifest = json.loads((WIKINEWS / "manifest.json").read_text("utf-8"))["articles"]
    published = next(a["date"] for a in manifest if a["name"] == stem)
    return Article.create(stem, text, published=date.fromisoformat(published))


def _entity_keys(entity: Entity) -> set[str]:
    return {canonical_key(a, entity.type) for a in (entity.name, *entity.aliases)}


# ---------------------------------------------------------------- per-entity scores


@dataclass
class PageScore:
    true_positives: int = 0
    false_positives: int = 0
    misses: int = 0
    junk: list[str] = field(default_factory=list)  # sidebar names matching no gold entity
    missed: list[str] = field(default_factory=list)
    matches: dict[int, int] = field(default_factory=dict)  # sidebar index -> gold index

    def add(self, other: PageScore) -> None:
        self.true_positives += other.true_positives
        self.false_positives += other.false_positives
        self.misses += other.misses

    @property
    def prf(self) -> tuple[float, float, float]:
        return prf(self.true_positives, self.false_positives, self.misses)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def sidebar(entities: Sequence[Entity]) -> list[Entity]:
    return [e for e in entities if e.type in SIDEBAR_TYPES]


def score_page(entities: Sequence[Entity], gold: GoldPage) -> PageScore:
    """Sidebar entities against gold: most-mentioned first claim their gold entity."""
    score = PageScore()
    shown = sidebar(entities)
    order = sorted(range(len(shown)), key=lambda i: -shown[i].count)
    taken: set[int] = set()
    for index in order:
        entity = shown[index]
        keys = _entity_keys(entity)
        hits = [
            g for g, wanted in enumerate(gold.entities) if wanted.type == entity.type
            and keys & wanted.keys
        ]  # fmt: skip
        free = [g for g in hits if g not in taken]
        if free:
            taken.add(free[0])
            score.matches[index] = free[0]
            score.true_positives += 1
        elif not hits and gold.is_optional(entity):
            continue
        else:
            score.false_positives += 1
            score.junk.append(f"{entity.name} ({entity.type}{', split' if hits else ''})")
    score.missed = [g.name for i, g in enumerate(gold.entities) if i not in taken]
    score.misses = len(score.missed)
    return score


# ---------------------------------------------------------------- pairwise merge scores


def pairwise(items: Sequence[tuple[object, object, object]]) -> tuple[int, int, int]:
    """(pairs in both, pairs the system joined, pairs gold joins) over (group, system, gold).

    Only pairs from different groups count when the group is not None (cross-document scores).
    """
    both = system = gold = 0
    for (group_a, sys_a, gold_a), (group_b, sys_b, gold_b) in combinations(items, 2):
        if group_a is not None and group_a == group_b:
            continue
        same_system, same_gold = sys_a == sys_b, gold_a == gold_b
        both += same_system and same_gold
        system += same_system
        gold += same_gold
    return both, system, gold


def pairwise_f1(counts: tuple[int, int, int]) -> tuple[float, float, float]:
    both, system, gold = counts
    return prf(both, system - both, gold - both)


def by_gold_entity(
    items: Sequence[tuple[object, object, GoldEntity]],
) -> list[tuple[object, object, object]]:
    """(group, system, gold) with each gold entity replaced by the real-world thing it is across
    pages: gold entities of one type sharing any alias key are one ("Free Software Foundation|FSF"
    on one page, "FSF" on another). Keying by the first name alone counted such joins as wrong."""
    parent: dict[int, int] = {}

    def find(index: int) -> int:
        while parent.setdefault(index, index) != index:
            index = parent[index]
        return index

    golds = list(dict.fromkeys(gold for _g, _s, gold in items))
    for first, second in combinations(range(len(golds)), 2):
        a, b = golds[first], golds[second]
        if a.type == b.type and a.keys & b.keys:
            parent[find(first)] = find(second)
    number = {gold: find(index) for index, gold in enumerate(golds)}
    return [(group, system, number[gold]) for group, system, gold in items]


def mention_items(
    body: str, entities: Sequence[Entity], gold: GoldPage
) -> list[tuple[object, object, object]]:
    """(None, sidebar entity, gold entity) for each mention whose surface names one gold entity."""
    items: list[tuple[object, object, object]] = []
    for index, entity in enumerate(sidebar(entities)):
        for start, end in entity.mentions:
            surface = body[start:end]
            owners = {
                g
                for g, wanted in enumerate(gold.entities)
                if canonical_key(surface, wanted.type) in wanted.keys  # type: ignore[arg-type]
            }
            if len(owners) == 1:
                items.append((None, index, owners.pop()))
    return items


# ---------------------------------------------------------------- junk of the listed kinds

_CAPTION = re.compile(r"(?i)\b(?:photo|credit|getty|images?|advertisement|continue reading)\b")
# A name ending in a company form is a company's, whatever its words ("Public Image Ltd.", a band).
_COMPANY_FORM_END = re.compile(r"(?i)\b(?:ltd|inc|llc|plc|corp)\.?$")
_DIGITS = re.compile(r"\d")


def junk_kinds(body: str, entities: Sequence[Entity]) -> list[str]:
    """Sidebar entities of the kinds issue #11 lists: handles, captions, spans crossing a line,
    number-bearing names, names joined by a slash."""
    found = []
    held = held_line_breaks(body)
    for entity in sidebar(entities):
        name = entity.name
        reason = (
            "handle" if "@" in name or "#" in name
            else "caption" if _CAPTION.search(name) and not _COMPANY_FORM_END.search(name)
            else "number" if _DIGITS.search(name) and entity.type == "person"
            or not re.search(r"[^\W\d_]", name)
            else "slash" if "/" in name
            else "line" if any(_crosses_a_line(body, s, e, held) for s, e in entity.mentions)
            else ""
        )  # fmt: skip
        if reason:
            found.append(f"{name} ({reason})")
    return found


def _crosses_a_line(body: str, start: int, end: int, held: set[int]) -> bool:
    """A mention running over a blank line, into a new block, or out of a short caption line
    (a name wrapped inside a paragraph of long lines is fine, and so is one wrapped inside a
    link's text or an italic title: "[Xbox\nOne S](url)", "*Killer\nInstinct*")."""
    newline = body.find("\n", start, end)
    if newline < 0 or newline in held:
        return False
    line = body[body.rfind("\n", 0, newline) + 1 : newline]
    after = body[newline + 1 : end]
    return len(line.strip()) < 40 or not after[:1].isalnum() or "\n\n" in body[start:end]


# ---------------------------------------------------------------- ECB+


@dataclass(frozen=True)
class EcbMention:
    start: int
    end: int
    instance: str  # the real-world instance id of its CROSS_DOC_COREF chain
    kind: str  # person, org, place


@dataclass(frozen=True)
class EcbDocument:
    name: str
    cluster: str
    text: str
    mentions: tuple[EcbMention, ...]


_KINDS = {"HUMAN_PART_PER": "person", "HUMAN_PART_ORG": "org"}
_NOT_NAMES = frozenset("i he she it we they you his her its their our him them us me".split())


def _kind(tag: str) -> str | None:
    return _KINDS.get(tag) or ("place" if tag.startswith("LOC_") else None)


def reserved_reports() -> frozenset[str]:
    """The ECB+ reports reserved for fresh3 (entities and comparison), by name ("1_12ecb")."""
    path = GOLD_DIR / RESERVED
    if not path.is_file():
        return frozenset()
    raw = json.loads(path.read_text("utf-8"))
    return frozenset(name for key in ("entities", "compare") for name in raw.get(key, ()))


def ecb_documents(topics: Iterable[str], reserved: bool = False) -> list[EcbDocument]:
    """The ECB+ reports of `topics` with chains: every development scoring leaves the reports
    reserved for fresh3 out; `reserved` takes those alone (the lead's one blind scoring). The
    choice is made by name, before a report is read."""
    keep = reserved_reports()
    clusters = {}
    for line in (ECBPLUS / "clusters.tsv").read_text("utf-8").splitlines():
        cluster, *files = line.split("\t")
        for file in files:
            clusters[Path(file).stem] = cluster
    documents = []
    for topic in topics:
        for xml_path in sorted((ECBPLUS / "xml" / topic).glob("*.xml")):
            if (xml_path.stem in keep) is not reserved or xml_path.stem not in clusters:
                continue
            text_path = ECBPLUS / "text" / topic / f"{xml_path.stem}.txt"
            if text_path.is_file():
                documents.append(_ecb_document(xml_path, text_path, clusters[xml_path.stem]))
    return documents


def _ecb_document(xml_path: Path, text_path: Path, cluster: str) -> EcbDocument:
    root = ET.parse(xml_path).getroot()
    text = text_path.read_text("utf-8")
    offsets: dict[str, tuple[int, int, str, int]] = {}
    cursor = 0
    for token in root.iter("token"):
        word = token.text or ""
        found = text.find(word, cursor, cursor + 40 + len(word)) if word else -1
        if found >= 0:
            offsets[token.get("t_id", "")] = (
                found,
                found + len(word),
                word,
                int(token.get("number", "0")),
            )
            cursor = found + len(word)
    markables: dict[str, tuple[str, list[str]]] = {}
    for markable in root.find("Markables") or ():
        kind = _kind(markable.tag)
        anchors = [a.get("t_id", "") for a in markable.iter("token_anchor")]
        if kind and anchors:
            markables[markable.get("m_id", "")] = (kind, anchors)
    mentions = []
    for chain in root.iter("CROSS_DOC_COREF"):
        instance = chain.get("note", "")
        for source in chain.iter("source"):
            found_markable = markables.get(source.get("m_id", ""))
            if found_markable is None:
                continue
            kind, anchors = found_markable
            spans = [offsets[a] for a in anchors if a in offsets]
            if spans and _is_proper_name(spans):
                start = spans[0][0]
                glue = _LEADING_GLUE.match(text, start, spans[-1][1])  # "in Gaza" names Gaza
                mentions.append(
                    EcbMention(glue.end() if glue else start, spans[-1][1], instance, kind)
                )
    return EcbDocument(xml_path.stem, cluster, text, tuple(sorted(mentions, key=lambda m: m.start)))


def _is_proper_name(tokens: list[tuple[int, int, str, int]]) -> bool:
    """A name, not a pronoun or common noun: a capitalised word that does not start a sentence,
    or a mention made only of capitalised words."""
    words = [(word, number) for _s, _e, word, number in tokens if word[:1].isalpha()]
    if not words or (len(words) == 1 and words[0][0].lower() in _NOT_NAMES):
        return False
    if any(word[0].isupper() and number > 0 for word, number in words):
        return True
    return all(word[0].isupper() for word, _n in words) and words[0][0].lower() not in _NOT_NAMES


def covering(entities: Sequence[Entity], mention: EcbMention) -> int | None:
    """Index of the sidebar entity with a mention that is this gold mention: overlapping at
    least 60% of its characters ("refugee camp in South Sudan" names a camp, not the country)."""
    size = mention.end - mention.start
    for index, entity in enumerate(entities):
        if entity.type not in SIDEBAR_TYPES:
            continue
        for start, end in entity.mentions:
            shared = min(end, mention.end) - max(start, mention.start)
            if shared > 0 and shared >= 0.6 * size:
                return index
    return None


@dataclass
class SharedListing:
    """Gold instances named in both reports of a same-event pair, and how the comparison lists
    them. `shown`: the extraction found the instance in at least one report, so the comparison
    shows it somewhere; `found_both`: found in each report; `listed`: listed as shared (found
    in both, and in one shared entry)."""

    named: int = 0
    shown: int = 0
    found_both: int = 0
    listed: int = 0
    unlisted: list[str] = field(default_factory=list)  # why each one not listed (--details)


def shared_listing(
    documents: Sequence[EcbDocument],
    found: Mapping[str, Sequence[Entity]],
    written_names_only: bool = False,
    with_bodies: bool = True,
) -> SharedListing:
    """On same-event pairs, how the gold instances named in both reports are listed.

    ECB+'s chains also hold descriptions with a capitalised word ("a Newport Beach
    rehabilitation facility" for Morningside Recovery), which `_is_proper_name` lets in, and
    names with where they are ("Morningside Recovery in Newport Beach, Calif"), which the
    extracted "Morningside Recovery" covers by less than 60%. With `written_names_only`, a
    report names an instance only through mentions written as names (`is_written_name`), each
    cut to its name (`name_part`): a stricter reading printed beside the first.

    An instance is listed as shared when a mention of it in A and one in B are mentions of one
    shared entry of the comparison (compare_entities with the reports' bodies: the groups of the
    library merge of the two reports, and names one report's extraction missed but writes; an
    entry is named by one of its entities, so a name check would miss "Betty Ford Treatment
    Center" shared under "Betty Ford"). `with_bodies=False` gives the comparison without the
    reports' texts (the library merge's groups alone).
    """
    if written_names_only:
        documents = [
            EcbDocument(
                d.name,
                d.cluster,
                d.text,
                tuple(
                    EcbMention(*name_part(d.text, m.start, m.end), m.instance, m.kind)
                    for m in d.mentions
                    if is_written_name(d.text[m.start : m.end])
                ),
            )
            for d in documents
        ]
    from kimreader.analysis.compare import compare_entities

    by_cluster: dict[str, list[EcbDocument]] = defaultdict(list)
    for document in documents:
        by_cluster[document.cluster].append(document)
    result = SharedListing()
    for members in by_cluster.values():
        for doc_a, doc_b in combinations(members, 2):
            ents_a, ents_b = found[doc_a.name], found[doc_b.name]
            bodies = (doc_a.text, doc_b.text) if with_bodies else None
            shared = compare_entities(ents_a, ents_b, bodies).shared
            named_a = {m.instance for m in doc_a.mentions}
            # sorted: a set's order changes with the hash seed, and --details prints this one
            for instance in sorted(named_a & {m.instance for m in doc_b.mentions}):
                result.named += 1
                entries_a = _shared_entries(doc_a, instance, [e.mentions_a for e in shared])
                entries_b = _shared_entries(doc_b, instance, [e.mentions_b for e in shared])
                in_a = bool(entries_a) or _found(doc_a, ents_a, instance)
                in_b = bool(entries_b) or _found(doc_b, ents_b, instance)
                listed = bool(entries_a & entries_b)
                result.shown += in_a or in_b
                result.found_both += in_a and in_b
                result.listed += listed
                if not listed:
                    result.unlisted.append(
                        f"{doc_a.name} / {doc_b.name} {instance}: "
                        f"A {_how_found(doc_a, ents_a, instance)} | "
                        f"B {_how_found(doc_b, ents_b, instance)}"
                    )
    return result


def _found(document: EcbDocument, entities: Sequence[Entity], instance: str) -> bool:
    return any(
        covering(entities, m) is not None for m in document.mentions if m.instance == instance
    )


def _shared_entries(
    document: EcbDocument, instance: str, entries: Sequence[Sequence[tuple[int, int]]]
) -> set[int]:
    """The shared entries with a mention that is a gold mention of `instance` (as `covering`)."""
    return {
        number
        for number, spans in enumerate(entries)
        for mention in document.mentions
        if mention.instance == instance and _covers(spans, mention)
    }


def _covers(spans: Sequence[tuple[int, int]], mention: EcbMention) -> bool:
    size = mention.end - mention.start
    return any(
        min(end, mention.end) - max(start, mention.start) >= max(1, 0.6 * size)
        for start, end in spans
    )


def _how_found(document: EcbDocument, entities: Sequence[Entity], instance: str) -> str:
    """Each gold mention of `instance` as written, with the entity covering it, if any."""
    parts = []
    for mention in document.mentions:
        if mention.instance == instance:
            index = covering(entities, mention)
            found = "-" if index is None else f"{entities[index].name} ({entities[index].type})"
            parts.append(f"'{document.text[mention.start : mention.end]}' -> {found}")
    return "; ".join(parts)


_LEADING_GLUE = re.compile(r"(?:(?:the|a|an|at|into|in|to|from|of|on|within)\s+)+")
_WHERE = re.compile(r"\s+in\s+|,")


def name_part(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the name in a mention: "the Betty Ford Center in Rancho Mirage, Calif" ->
    "Betty Ford Center"."""
    surface = text[start:end]
    glue = _LEADING_GLUE.match(surface)  # match: at the start only
    start += glue.end() if glue else 0
    where = _WHERE.search(text, start, end)
    return start, where.start() if where else end


def is_written_name(surface: str) -> bool:
    """A mention written as a name: once a leading "the"/"at" and a trailing "in Malibu,
    California" are set aside, its head (last word) is capitalised. "at Morningside Recovery",
    "attorney Shawn Holley" and "TMZ. com" are; "a Newport Beach rehabilitation facility" and
    "rehab in Newport Beach" are descriptions, and so are a group counted or described ("40
    Palestinians", "remote eastern Indonesia", "parts of Aceh"): a name is not counted, and
    lower-case words before it ("attorney") are a description of a full name only."""
    surface = surface.strip()
    glue = _LEADING_GLUE.match(surface)
    core = _WHERE.split(surface[glue.end() if glue else 0 :], maxsplit=1)[0]
    if re.search(r"\.\s?(?:com|org|net)$", core):
        return True
    words = re.findall(r"[^\W\d_][\w'’-]*", core)
    if not words or core[:1].isdigit():
        return False
    lead = 0
    while lead < len(words) and not _starts_a_name(words[lead]):
        lead += 1
    if lead and len(words) - lead < 2:
        return False
    return any(ch.isupper() for ch in words[-1])  # "al-Bashir", "Jong-un"


def _starts_a_name(word: str) -> bool:
    return word[:1].isupper() or re.split(r"[-’']", word.lower())[0] in PARTICLES


def _instances(document: EcbDocument, entities: Sequence[Entity]) -> dict[str, list[int | None]]:
    instances: dict[str, list[int | None]] = defaultdict(list)
    for mention in document.mentions:
        instances[mention.instance].append(covering(entities, mention))
    return instances
