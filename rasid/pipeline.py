"""analyze(article) -> list[Event]: the pure extraction entry point the CLI, API and Dask share."""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from datetime import date, timedelta

from .assemble import Frame, Sent, frames
from .consolidate import consolidate
from .discourse import anchor, chrome_spans
from .find.actors import actors
from .find.casualties import casualties
from .find.claims import OUTLET, SPEAKS_FOR, WITNESS, capital_mentions, claims, cue_mentions, named_back, \
    source_mentions
from .find.dates import dates, roundup_day
from .find.framing import commentary, habitual, period_spans, planned, reference_spans
from .find.numbers import numbers
from .find.places import places
from .find.triggers import may_occur, triggers, with_subject
from .geocode import resolve, unresolved
from .lexicon import Tokens, readings
from .morph import cue_set
from .normalize import Normalized, normalize, rejoin
from .notes import note
from .records import Article, Claim, Event, Evidence, Fatalities, Version
from .versions import Story, attach, stories
from .segment import Token, sentences, word_list, word_tokens
from . import world

# Openers that go on with the previous speaker's account («وأضاف», «مشيرا»): data/cues/continuation.tsv.


# «مؤخرا», «بعد أشهر من الانسحاب»: a past told without a day; with no date of its own the sentence
# is background that no coder could place on a day.
# The adverbs and spans are data/cues/vague_past.tsv and long_span.tsv.


# «منطقة الكسوة»: data/cues/area.tsv; «منذ الصباح» (a time of today): data/cues/short_span.tsv.


_AFTER_BEFORE = frozenset(("بعد", "وبعد", "قبل", "وقبل"))
_SINCE = frozenset(("منذ", "ومنذ"))


def _undated_past(words: list[str]) -> bool:
    """Tells whether a sentence dates itself only vaguely: «وبعد أشهر قليلة اندلعت معارك» → True."""
    vague, long_span = cue_set("vague_past"), cue_set("long_span")
    if not vague.isdisjoint(words):
        return True
    # most sentences hold no «بعد»/«قبل»: one set test spares the look at each pair of words
    return not _AFTER_BEFORE.isdisjoint(words) and any(
        w in _AFTER_BEFORE and nxt in long_span for w, nxt in zip(words, words[1:]))


def _content_tokens(article: Article, n: Normalized, words: list[str] | None = None) -> Tokens:
    """Drops tokens inside site chrome («مقالات ذات صلة», cookie banners) of the plain text."""
    # offsets rise strictly, so a chrome span of the original is one span of the normalized text
    skip = [(bisect_left(n.offsets, start), bisect_left(n.offsets, end))
            for start, end in chrome_spans(article.text, n)]
    return Tokens(word_tokens(article.text, n.text, n.offsets, skip, words))


def _sentences(article: Article, n: Normalized, toks: list[Token]) -> list[Sent]:
    """Groups the tokens by sentence, a token going to the sentence its start lies before the end of."""
    sents = sentences(n.text)
    if not sents:
        return [Sent(0, 0, 0, len(toks) - 1)] if toks else []
    starts = [t.start for t in toks]
    out: list[Sent] = []
    lo = 0
    for k, s in enumerate(sents):
        # the last sentence takes every token left, even one past its end
        hi = len(toks) if k == len(sents) - 1 else bisect_left(starts, s.end, lo)
        if hi > lo:
            out.append(Sent(len(out), s.paragraph, lo, hi - 1))
        lo = hi
    return out


def _assign(items, sents: list[Sent], attr: str, key=lambda x: x.first) -> None:
    los = [s.lo for s in sents]
    for it in items:
        i = bisect_right(los, key(it)) - 1
        if i >= 0:
            getattr(sents[i], attr).append(it)


# Publication days relative dates can be counted from, a year clear of date.min and date.max.
_DATEABLE = (date(2, 1, 1), date(9998, 12, 31))


def analyze(article: Article) -> list[Event]:
    """Returns the ACLED-coded events of one article: «قتل 5 مدنيين في غارة على دوما» → one air strike."""
    if not article.text or not article.text.strip():
        return []
    if article.published and not _DATEABLE[0] <= article.published <= _DATEABLE[1]:
        # «0001-01-01», a scraper's zero date: «أمس» before it is no date at all (OverflowError)
        article = replace(article, published=None)
    n = rejoin(normalize(article.text), article.text)
    # most reports of other topics (sport, economy…) hold no word a trigger starts with: they end here,
    # before the costlier tokens, chrome and sentences
    # the words are listed once, for the gate and then for the tokens
    said = word_list(n.text)
    if not may_occur(set(said)):
        return []
    toks = _content_tokens(article, n, said)
    if not toks:
        return []
    sents = _sentences(article, n, toks)
    starts = [s.lo for s in sents]
    trigs = _framed(triggers(toks, starts), toks, n.text, starts)
    # every event grows from an asserted trigger: a report without one (sport, economy…) has none
    if not any(t.polarity == "asserted" and t.strength != "air" for t in trigs):
        return []
    # «بين العباس وهجين»: a stretch between two places, ACLED's precision 2 at the first
    # «منطقة الكسوة», «محيط الهبيط»: the area around a town, ACLED's precision 2
    pls = [replace(p, cue="between") if any(t.text in ("بين", "وبين") for t in toks[max(0, p.first - 2):p.first])
           else replace(p, cue="area") if p.cue in ("settlement", "near") and any(
               readings(t.text) & cue_set("area") for t in toks[max(0, p.first - 2):p.first]) else p
           for p in places(toks)]
    sent_of = {}
    for s in sents:
        sent_of.update(dict.fromkeys(range(s.lo, s.hi + 1), s.index))
    # «مدينة سروج التركية», «بغداد»: places abroad, and the Syrian readings of their names they beat
    # names are looked for where an event may be told: in sentences with a trigger and the one before
    told = sorted({j for t in trigs for j in (bisect_right(starts, t.first) - 2, bisect_right(starts, t.first) - 1)
                   if j >= 0})
    abroad, beaten = world.mentions(toks, pls, [(s.lo, s.hi) for s in sents],
                                    [(sents[i].lo, sents[i].hi) for i in told])
    pls = [p for i, p in enumerate(pls) if i not in beaten]
    locs = resolve(pls, sent_of)
    found = [(p, locs[i]) for i, p in enumerate(pls) if i in locs]
    towns = [f for f in abroad if f.place.kind != "country" and world.places_event(f)]
    placed = {sent_of.get(p.first) for p, _ in found} | {sent_of.get(f.first) for f in towns}
    # a country («في العراق») places an event only in a sentence that names no town
    for f in abroad:
        if world.places_event(f) and (f.place.kind != "country" or sent_of.get(f.first) not in placed):
            start, end = _span(n, toks, f.first, f.last)
            found.append((world.place_mention(f), world.location(f, article.text[start:end])))
    # every frame stands at a place of its sentence or the last one told (assemble.frames): a report
    # that names none («قصف عنيف على المنطقة») codes no event, and its sources, dates and tolls go unread
    if not found:
        return []
    _assign(sorted(found, key=lambda x: x[0].first), sents, "places", key=lambda x: x[0].first)
    unlisted = []
    dropped = [p for i, p in enumerate(pls) if i not in locs]
    for u in unresolved(toks, [p for i, p in enumerate(pls) if i in locs], dropped):
        start, end = _span(n, toks, u.first, u.last)
        unlisted.append(replace(u, text=article.text[start:end]))
    _assign(unlisted, sents, "unresolved")
    _assign(trigs, sents, "triggers")
    srcs = source_mentions(toks)
    src_tokens = {i for m in srcs for i in range(m.first, m.last + 1)}
    acts = named_back(toks, [a for a in actors(toks) if a.first not in src_tokens])
    _assign(acts, sents, "actors")
    cues = cue_mentions(toks)
    caps = capital_mentions(toks)
    abroad_in = {sent_of.get(f.first) for f in abroad}
    # relative dates count from the report's own day: «اليوم (الخميس)» corrects `published`; a
    # scraped page without one is anchored on its dateline
    day = anchor(toks, article.published, n.text).day
    told = dates(toks, day, n.text)
    _assign(told, sents, "dates")
    roundup = roundup_day(told, day)
    _assign(casualties(toks, n.text, numbers(toks, n.text)), sents, "casualties")
    prev_claims: list = []
    for s in sents:
        words = [t.text for t in toks[s.lo:s.hi + 1]]
        s.words = words
        s.triggers = with_subject(toks, s.triggers, s.actors, s.casualties)
        s.foreign = s.index in abroad_in
        # «منذ الصباح» dates today's fighting; «منذ أسابيع», «منذ بدء الحملة» tell a campaign
        s.since = (not _SINCE.isdisjoint(words) and any(
            w in _SINCE and nxt not in cue_set("short_span") for w, nxt in zip(words, words[1:]))) \
            or "حمله" in words or "تصعيد" in words
        s.background = (words[0] in ("وكانت", "وكان", "كانت", "كان") and "قد" in words[:8]) or \
            _undated_past(words)
        # an analyst's view and a round-up over days report no occurrence of their own
        spans = [(s.lo, s.hi)] if commentary(words) else period_spans(toks, n.text, s.lo, s.hi)
        s.triggers = [replace(t, polarity="summary") if t.polarity == "asserted" and (
            any(lo <= t.first <= hi for lo, hi in spans) or habitual(toks, t.last, s.hi, t.first, s.lo)) else t
            for t in s.triggers]
        # «ردا على تعرض الزبداني لهجوم»: the event answered is a reference and its place not this event's,
        # unless the clause dates it («ردا على هجوم شنته الفصائل السبت على …»: a background event)
        for lo, hi in reference_spans(toks, n.text, s.lo, s.hi):
            if any(lo <= d.first <= hi for d in s.dates):
                continue
            s.triggers = [replace(t, polarity="reference") if lo <= t.first <= hi and t.polarity == "asserted"
                          else t for t in s.triggers]
            s.places = [(p, loc) for p, loc in s.places if not lo <= p.first <= hi]
        s.claims = claims(toks, s.lo, s.hi + 1, srcs, cues, s.actors, caps)
        # «ونفت موسكو»: a capital that speaks is a government, not the place of an event
        spoken = {i for c in s.claims if c.rule == "claim:capital" for i in range(c.first, c.last + 1)}
        s.places = [(p, loc) for p, loc in s.places if p.first not in spoken]
        first_word = toks[s.lo].text
        if not s.claims and (first_word in cue_set("continuation")) and prev_claims:
            s.claims = list(prev_claims)
        if s.claims:
            prev_claims = s.claims
    raw = frames(sents, day)
    attach(raw, sents)  # each frame carries the claims on its own trigger through consolidation
    frs = consolidate(raw)
    denied: dict[str, list] = {}
    for st in sents:
        for c in st.claims:
            if c.stance == "denies":
                denied.setdefault(SPEAKS_FOR.get(c.source, c.source), []).append(c)
    # «حي سكني في مدينة الموصل العراقية»: an unlisted name coded to a place abroad is abroad too
    abroad_at = {(f.first, f.last): f.country for f in abroad if world.places_event(f)}
    out = []
    for story in stories(frs, sents, denied, SPEAKS_FOR):
        ev = _event(article, n, toks, sents, story, roundup)
        span = story.top.frame.place_span
        out.append(replace(ev, country=abroad_at[span]) if span in abroad_at else ev)
    return out


def _framed(trigs: list, toks: list[Token], text: str, starts: list[int]) -> list:
    """Marks triggers a plan or permission governs as irrealis: «وافقت أنقرة على استخدام قواعدها لشن غارات»."""
    out = []
    for t in trigs:
        lo = starts[bisect_right(starts, t.first) - 1] if starts and starts[0] <= t.first else 0
        if t.polarity == "asserted" and planned(toks, text, lo, t.first):
            t = replace(t, polarity="irrealis", rule=t.rule + "+plan")
        out.append(t)
    return out


def _span(n: Normalized, toks: list[Token], first: int, last: int) -> tuple[int, int]:
    return n.span(toks[first].start, toks[last].end)


def _fatalities(f: Frame) -> tuple[Fatalities, bool]:
    """Returns a telling's toll (first figure best, the span of figures low to high) and whether it has one."""
    figures = [c.value for c in f.killed]
    if not figures:
        return Fatalities(), False
    low, high = min(figures), max(figures)
    if f.share > 1:
        low = low // f.share
    return Fatalities(low, figures[0], high), True


def _claim(article: Article, n: Normalized, toks: list[Token], c) -> Claim:
    """Converts a claim mention to its EVENTS.md §2 form; the outlet's correspondent speaks as the outlet."""
    start, end = _span(n, toks, c.first, c.last)
    source = (article.outlet or "outlet") if c.source == OUTLET else \
        article.text[start:end] if c.source == WITNESS else c.source
    return Claim(source, c.stance, start, end)


def _claims(article: Article, n: Normalized, toks: list[Token], mentions) -> list[Claim]:
    out: list[Claim] = []
    for c in mentions:
        claim = _claim(article, n, toks, c)
        # the ledger names each source's stance once, where it is first told
        if any(o.source == claim.source and o.stance == claim.stance for o in out):
            continue
        out.append(claim)
    return out


def _event(article: Article, n: Normalized, toks: list[Token], sents: list[Sent], story: Story,
           roundup: date | None = None) -> Event:
    f = story.top.frame
    s = sents[f.sent]
    ev = [Evidence(*_span(n, toks, s.lo, s.hi), f"sentence:{f.trigger.rule}")]
    ev.append(Evidence(*_span(n, toks, f.trigger.first, f.trigger.last), f.trigger.rule))
    if f.place_span:
        ev.append(Evidence(*_span(n, toks, *f.place_span), f"place:{f.location.reason}"))
    if f.date_span:
        ev.append(Evidence(*_span(n, toks, *f.date_span), "date"))
    for a in f.actor_spans:
        ev.append(Evidence(*_span(n, toks, *a), "actor"))
    for c in f.killed:
        ev.append(Evidence(*_span(n, toks, c.first, c.last), c.rule))
    tolls, counted = _fatalities(f)
    claim_objs = _claims(article, n, toks, story.top.claims)
    if not claim_objs:
        start, end = _span(n, toks, s.lo, s.hi)
        claim_objs.append(Claim(article.outlet or "outlet", "asserts", start, end))
    versions: tuple[Version, ...] = ()
    if story.contested:
        versions = tuple(Version(a.frame.actor1, a.frame.actor2, a.frame.sub_event_type,
                                 _fatalities(a.frame)[0], tuple(_claims(article, n, toks, a.claims)))
                         for a in (story.top, *story.rivals))
        # every rival's toll is a claimed figure: low and high span all versions with a figure
        told = [v.fatalities for v, a in zip(versions, (story.top, *story.rivals)) if a.frame.killed]
        if told:
            # a top version without a toll of its own: nothing is sure (low 0), a rival claims up to high
            tolls = Fatalities(min(t.low for t in told) if counted else 0, tolls.best,
                               max(t.high for t in told))
        for a in story.rivals:
            ev.append(Evidence(*_span(n, toks, a.frame.trigger.first, a.frame.trigger.last),
                               f"version:{a.frame.trigger.rule}"))
    day, precision = f.date, f.precision
    if roundup is not None and f.dated == "published" and day == roundup:
        # an undated event of a round-up lies in the days it covers: ACLED codes their middle,
        # precision 2 («غداة …» has moved the day already: it is told)
        day, precision = day - timedelta(days=1), 2
    return Event(article_id=article.id, event_date=day, time_precision=precision,
                 event_type=f.event_type, sub_event_type=f.sub_event_type, actor1=f.actor1,
                 actor2=f.actor2, location=f.location,
                 fatalities=tolls, wounded=f.wounded, captured=f.captured,
                 claims=tuple(claim_objs), contested=story.contested, evidence=tuple(ev),
                 notes=note(f, tolls.best), versions=versions, country=world.country_of(f.location))
