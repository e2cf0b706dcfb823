"""A speaker mention's canonical name and kind: the name a reader would file it under.

:func:`describe` turns the words of one mention into (name, kind, role, rule):

- **never a non-entity**: a mention made only of adverbs, conjunctions, prepositions,
  pronoun forms or speech-act nouns ("Demnach", "Gleichzeitig", "Auf Frage", "wir Ihnen")
  is the unknown source (``actor.name.non_entity.v1``); a pronoun with words glued to it
  ("er, ohne") is that pronoun. A single capitalised word is no name when the article also
  writes it in lowercase or it has the ending of an adverb or adjective ("Zahlreiche"),
  unless the article writes it capitalised inside a sentence too ("Kurz", "Bush").
  (A lemmatiser was measured for this: simplemma's German dictionary took 3–9 s to load
  on the first call, more than analysing dozens of articles; the endings and the article's
  own spellings do the job without it.)
- **glued words cut**: a party ("Anna Huber SPÖ", "(SPÖ)"), a weekday or adverbial
  ("am Dienstag", "in Anspielung"), an addressee after a name ("Lena Kurz der APA"), a
  possessive ending ("Trump's"), quotation marks ("Kurier“");
- **canonical form**: nominative singular where German inflects ("Kanzleramts" →
  "Kanzleramt", "des Roten Kreuzes" → "Rotes Kreuz"), the nominative plural of a group
  ("Sicherheitskreisen" → "Sicherheitskreise", "Regierungs - und Parteikreisen" →
  "Regierungs- und Parteikreise"), an outlet's gazetteer name ("Nachrichtenagentur AFP"
  → "AFP");
- **kinds** from the gazetteers and patterns of ``lang/<lang>/names.json`` and
  ``actors.json``: an outlet named after an outlet noun ("US-Magazin Wired"), states
  as organisations, an organisation's press office as the organisation, "nach Angaben der
  Ärzte" as the doctors, an English phrase by its final head ("the Reuters/Ipsos poll" is
  a document), a plural description of people ("Demonstranten") an anonymous group.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from sayso.evidence.inflection import (
    ADV_ENDINGS,
    adjective,
    canonical,
    genitive_stem,
    is_plural,
    singular_form,
)
from sayso.lang import LangProfile
from sayso.lang.entity_words import entity_words
from sayso.lang.names import NameWords, name_words
from sayso.model import ActorKind
from sayso.text.segment import Segmented

#: the name of the unknown source (as the evidence layer names it)
UNKNOWN_NAME = "(unknown source)"
NON_ENTITY = "actor.name.non_entity.v1"
#: a German common noun after a determiner, no name
COMMON_NOUN = "actor.kind.common_noun.v1"

Description = tuple[str, ActorKind, str | None, str]

_QUOTES = '„“”"«»‹›‚‘'
#: "55-Jährige", "die 45-jährige": a description of a person, not a name
_AGE = re.compile(r"\d+-[jJ]ährige[rn]?")
#: a bare apostrophe ending a name ("Reuters'"), after the possessive clitics
_APOSTROPHES = ("'", "’")


def describe(
    words: Sequence[str], profile: LangProfile, seg: Segmented | None = None
) -> Description:
    """(canonical name, kind, role, rule id) of a speaker mention's words (see the module
    doc); ``seg``, the article, tells a surname from an adverb at a sentence start (and
    keeps the answers: the actors, chains and entities ask about the same mentions)."""
    if seg is None:
        return _describe(words, profile, None)
    key = ("naming.describe", tuple(words))
    got: Description | None = seg.memo.get(key)
    if got is None:
        got = seg.memo[key] = _describe(words, profile, seg)
    return got


def _describe(words: Sequence[str], profile: LangProfile, seg: Segmented | None) -> Description:
    nw = name_words(profile.lang)
    tokens = _tidy(list(words), profile, nw)
    content = [w for w in tokens if w[:1].isalnum()]
    if not content:
        return UNKNOWN_NAME, ActorKind.UNKNOWN, None, NON_ENTITY
    if len(content) <= 3 and content[-1].lower() in entity_words(profile.lang).shares:
        # "Twelve percent", "another 19 percent": a share of respondents
        return _join(content), ActorKind.ANONYMOUS, None, "actor.kind.share.v1"
    first = content[0].lower()
    at = tokens.index(content[0])
    glued = at + 1 < len(tokens) and tokens[at + 1] == ","  # "er, befände sich …"
    if profile.is_speaker_pronoun(first) and (
        glued or all(_closed(w, profile, nw) for w in content)
    ):
        return content[0], ActorKind.UNKNOWN, None, "actor.pronoun.v1"
    if first in nw.prepositions and len(content) > 1:
        # "aus Sicherheitskreisen" is the group; "In Wien" is a place, not a speaker
        got = describe(tokens[tokens.index(content[0]) + 1 :], profile, seg)
        if first in nw.source_prepositions or got[3] != "actor.kind.name.v1":
            return got
        return UNKNOWN_NAME, ActorKind.UNKNOWN, None, NON_ENTITY
    # leading adverbs are not part of the name: "Demnach Anna Berger"
    while len(tokens) > 1 and tokens[0].lower() in nw.not_names and not _det(tokens[0], profile):
        tokens = tokens[1:]
    content = [w for w in tokens if w[:1].isalnum()]
    if all(_closed(w, profile, nw) for w in content):
        return UNKNOWN_NAME, ActorKind.UNKNOWN, None, NON_ENTITY
    names = [w for w in content if not _det(w, profile)]
    if len(names) == 1 and _not_a_name(names[0], profile, nw, seg):
        return UNKNOWN_NAME, ActorKind.UNKNOWN, None, NON_ENTITY
    if len(names) == 1 and (_time(names[0].lower(), nw) or profile.month(names[0])):
        return UNKNOWN_NAME, ActorKind.UNKNOWN, None, NON_ENTITY  # "Tuesday", "Mittwoch"
    if len(names) == 1 and names[0].islower() and not _known_lower(names[0], profile, nw):
        return UNKNOWN_NAME, ActorKind.UNKNOWN, None, NON_ENTITY  # "viel"
    inner = _complement(tokens, profile, nw)
    if inner is not None:
        name, kind, role, rule = describe(inner[0], profile, seg)
        if inner[1] == "actor.kind.voice_of.v1" and rule == "actor.kind.name.v1":
            kind = ActorKind.ORGANIZATION  # "Pressestelle LKH Graz": the office's body
        if kind is not ActorKind.UNKNOWN:
            return name, kind, role, inner[1]
    named = _named_from([w for w in content if not _det(w, profile)], profile, nw, seg)
    if named is not None:  # before the cut, which ends a name at "of the"
        return named, ActorKind.PERSON, None, "actor.kind.name_of.v1"
    got = _core(_cut(tokens, profile, nw), profile, nw)
    if got[1] is ActorKind.PERSON and got[3].endswith(("name.v1", "role_name.v1")) and seg:
        last = got[0].rsplit(" ", 1)[-1]
        if last.endswith("s") and last[:-1] in _inside_capitals(seg):  # "Rabmer-Kollers"
            got = (got[0][:-1], *got[1:])
    return got


def _known_lower(word: str, profile: LangProfile, nw: NameWords) -> bool:
    """A lowercase word that may name a source: an outlet ("dpa", "taz"), a head noun
    ("officials", "sources"), a noun for people ("experts")."""
    return bool(
        profile.actor_kind_hint(word) is not None
        or nw.match(nw.outlets, [word], 0)
        or nw.is_person_noun(word)
        or word in nw.document_heads
        or (profile.lang == "en" and profile.is_role_noun(word))
    )


def _det(word: str, profile: LangProfile) -> bool:
    return word.lower() in profile.determiners


def _closed(word: str, profile: LangProfile, nw: NameWords) -> bool:
    """A word of a closed class (or a speech-act noun): never a name on its own."""
    low = word.lower()
    return low in nw.not_names or low in profile.determiners or bool(profile.pronoun(low))


def _not_a_name(word: str, profile: LangProfile, nw: NameWords, seg: Segmented | None) -> bool:
    """One word that is no name: an adjective, adverb or verb form by its lemma ("Später"
    → spät, "Keeps" → keep), unless the article writes it capitalised mid-sentence."""
    if not word[:1].isupper() or profile.actor_kind_hint(word) is not None:
        return False
    if nw.match(nw.outlets, [word], 0) or nw.match(nw.countries, [word], 0):
        return False
    if seg is None or word in _inside_capitals(seg):
        return False  # a capital inside a sentence marks a name (or a German noun)
    low = word.lower()
    if profile.lang == "de" and (low.endswith(ADV_ENDINGS) or adjective(word)):
        return True  # "Gleichzeitig", "Möglicherweise", "Zahlreiche"
    return low in _lowercase_words(seg)  # "Später … später", "Keeps … keeps"


def _lowercase_words(seg: Segmented) -> frozenset[str]:
    """The words the article writes in lowercase (an adverb, adjective or verb there is
    no name when it opens a sentence)."""
    key = ("naming.lowercase",)
    got = seg.memo.get(key)
    if got is None:
        got = seg.memo[key] = frozenset(w for w in seg.words if w[:1].islower())
    return got


def _inside_capitals(seg: Segmented) -> frozenset[str]:
    """Capitalised words of the article that stand inside a sentence (not first, not
    after a quotation mark or colon): there capitals mark names (and German nouns)."""
    key = ("naming.inside_capitals",)
    got = seg.memo.get(key)
    if got is None:
        firsts = {a for a, _ in seg.sentences}
        found = set()
        for i, w in enumerate(seg.words):
            if i in firsts or not w[:1].isupper() or i == 0:
                continue
            prev = seg.words[i - 1]
            if prev and (prev[-1] in _QUOTES or prev in (":", "–", "-", "(")):
                continue
            found.add(w)
        got = seg.memo[key] = frozenset(found)
    return got


def _tidy(words: list[str], profile: LangProfile, nw: NameWords) -> list[str]:
    """Quotation marks, parenthesised asides ("(SPÖ)"), possessive endings; a truncated
    compound joined to its hyphen ("Regierungs - und" → "Regierungs- und")."""
    out: list[str] = []
    depth = 0
    for k, w in enumerate(words):
        if w in ("(", "["):
            depth += 1
            continue
        if w in (")", "]"):
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        w = w.strip(_QUOTES)
        if not w:
            continue
        nxt = words[k + 1] if k + 1 < len(words) else ""
        if w == "-" and out and (nxt == "," or nxt.lower() in nw.coordinators):
            out[-1] += "-"
            continue
        later = [x for x in words[k + 1 :] if x[:1].isalnum()]
        for ending in (*profile.possessive_clitics, *_APOSTROPHES):
            if (
                w.endswith(ending)
                and len(w) > len(ending) + 1
                and (not later or later[0][:1].isupper())
            ):
                w = w[: -len(ending)]
                break
        out.append(w)
    # "NBC's Anna Berg": the affiliation is not the name
    for k, w in enumerate(words[:-1]):
        owner = profile.possessive_base(w)
        if owner is not None and words[k + 1][:1].isupper():
            rest = [x for x in words[k + 1 :] if x[:1].isalnum()]
            if rest and all(x[:1].isupper() for x in rest) and owner in out:
                return out[out.index(owner) + 1 :]
    return out


def _complement(
    tokens: list[str], profile: LangProfile, nw: NameWords
) -> tuple[list[str], str] | None:
    """The words that name the real source when the head only carries it: "Angaben der
    Ärzte", "Pressestelle der Klinik" (the part after the head), with the rule."""
    content = [(i, w) for i, w in enumerate(tokens) if w[:1].isalnum() and not _det(w, profile)]
    if len(content) < 2:
        return None
    i, head = content[0]
    low = head.lower()
    if low in nw.source_of:
        rule = "actor.kind.source_of.v1"
    elif low in nw.voice_of or any(low.endswith(v) for v in nw.voice_of if len(v) > 6):
        rule = "actor.kind.voice_of.v1"
    else:
        return None
    rest = tokens[i + 1 :]
    link = rest[0] if rest else ""
    linked = _det(link, profile) or link.lower() in nw.complement_links
    if not linked and not _is_name_word(link, profile, nw):
        return None
    return rest, rule


def _is_name_word(w: str, profile: LangProfile, nw: NameWords) -> bool:
    low = w.lower()
    noun = low.rsplit("-", 1)[-1]
    return (
        w[:1].isupper()
        and profile.actor_kind_hint(w) is None
        and not nw.is_person_noun(w)
        and low not in nw.not_names
        and noun not in nw.outlet_heads
        and noun not in profile.evidence.outlet_heads
    )


def _cut(tokens: list[str], profile: LangProfile, nw: NameWords) -> list[str]:
    """The mention up to the first glued word: a time word ("am Dienstag", "gestern"),
    and after a name a preposition or adverb ("in Anspielung"), a party ("SPÖ") or an
    addressee ("der APA")."""
    seen_name = False
    for k, w in enumerate(tokens):
        low = w.lower()
        nxt = tokens[k + 1].lower() if k + 1 < len(tokens) else ""
        if k and (_time(low, nw) or (low in nw.date_prepositions and _time(nxt, nw))):
            return tokens[:k]
        if k and seen_name and (low in nw.stops or low in nw.parties):
            return tokens[:k]
        prev = tokens[k - 1].lower() if k else ""
        if k and seen_name and _det(w, profile) and prev not in nw.particles:
            return tokens[:k]
        if _is_name_word(w, profile, nw) and not _det(w, profile):
            seen_name = True
        elif w[:1].isupper():
            seen_name = False
    return tokens


def _time(low: str, nw: NameWords) -> bool:
    """A weekday or a time adverb: never part of a name."""
    return low in nw.time_words or (low.endswith(nw.weekday_endings) and low in nw.stops)


def _core(words: list[str], profile: LangProfile, nw: NameWords) -> Description:
    """Name, kind and role of a tidied mention (the heads, gazetteers and names in it)."""
    if not words:
        return UNKNOWN_NAME, ActorKind.UNKNOWN, None, NON_ENTITY
    if "," in words[1:]:  # an apposition is not part of the name
        cut = words.index(",", 1)
        if any(w[:1].isupper() for w in words[:cut]):
            words = words[:cut]
    content = [
        w
        for w in words
        if w[:1].isalnum() and not _det(w, profile) and not profile.pronoun(w.lower())
    ] or words
    k = 0
    while k < len(words) - 1 and (_det(words[k], profile) or not words[k][:1].isalnum()):
        k += 1
    phrase = _join(canonical(words[k:], words[:k], profile, nw))
    head = next((i for i, w in enumerate(words) if w[:1].isalnum() and not _det(w, profile)), None)
    got = _named_outlet(words, head, profile, nw)
    if got is not None:
        return got
    state = nw.match(nw.countries, content, 0)
    if state is not None and state[1] == len(content):
        return state[0], ActorKind.ORGANIZATION, None, "actor.kind.country.v1"
    kinds = [x for x in (_hint(w, profile, nw) for w in words) if x is not None]
    if head is not None and _outlet_noun(words[head], profile, nw):
        kinds.insert(0, ActorKind.OUTLET)  # "der Rundfunk", "the newspaper"
    if profile.lang == "en":
        final = _english_head(words, profile, nw)
        if final is not None and final[1] is ActorKind.DOCUMENT:
            return phrase, final[1], None, "actor.kind.document.v1"
        if final is not None:  # "Obama's former campaign strategist" is a person
            kinds = [k for k in kinds if k is ActorKind.ANONYMOUS]
    role_idx = [
        i
        for i, w in enumerate(content)
        if profile.is_role_noun(w) or nw.is_person_noun(w) or _AGE.fullmatch(w)
    ]
    role = singular_form(content[role_idx[-1]], profile) if role_idx else None
    start = role_idx[-1] + 1 if role_idx else 0
    name_words = [w for w in content[start:] if _is_name_word(w, profile, nw)]
    tail = [w for w in content[start:] if w.lower() not in nw.particles]
    proper = [w for w in name_words if w.lower() not in nw.particles]
    # "Sprecher des Krisenstabes": a genitive after the role is no name
    after_role = words[words.index(content[start - 1]) + 1 :] if start else words
    complement = start > 0 and any(_det(w, profile) for w in after_role[:1])
    whole = len(proper) == len(tail) and bool(proper) and not complement
    if whole:  # "Ursula von der Leyen": the particles between the name words belong to it
        a, b = words.index(name_words[0]), len(words) - words[::-1].index(name_words[-1])
        name_words = [w for w in words[a:b] if w[:1].isalnum()]
    if ActorKind.ANONYMOUS in kinds and not name_words:
        return phrase, ActorKind.ANONYMOUS, role, "actor.kind.anonymous.v1"
    if role is not None and whole:
        return _join(name_words), ActorKind.PERSON, role, "actor.kind.role_name.v1"
    people = bool(role_idx) and (not kinds or kinds[0] is ActorKind.PERSON)
    singular = any(w.lower() in nw.singular_determiners for w in words)  # "des Vorsitzenden"
    if people and not name_words and not singular and is_plural(content[role_idx[-1]], profile):
        return phrase, ActorKind.ANONYMOUS, role, "actor.kind.plural_people.v1"
    if people and not name_words and _unidentified(words, role_idx[-1], content, nw):
        return phrase, ActorKind.ANONYMOUS, role, "actor.kind.unidentified.v1"
    if kinds:
        return phrase, kinds[0], role, f"actor.kind.{kinds[0].value}.v1"
    if role_idx:
        return phrase, ActorKind.PERSON, role, "actor.kind.role.v1"
    if whole and len(tail) == 1 and _acronym(tail[0]):
        return tail[0], ActorKind.ORGANIZATION, None, "actor.kind.acronym.v1"
    if whole and len(tail) == 1 and _common_noun(words, tail[0], profile):
        # "die Küstenwache teilte mit": a body that speaks, not a person
        return phrase, ActorKind.ORGANIZATION, None, COMMON_NOUN
    if whole and 1 < len(tail) <= 4 and _common_noun(words, "", profile):
        if tail[0].lower().endswith(nw.agent_endings) and tail[0] == name_words[0]:
            # "die Läuferin Anna Berg": a description and the name
            return _join(name_words[1:]), ActorKind.PERSON, tail[0], "actor.kind.role_name.v1"
        # "die Deutsche Bahn": a German name with an article is an institution
        return _join(name_words), ActorKind.ORGANIZATION, None, "actor.kind.article_name.v1"
    if whole and len(tail) <= 4:
        return _join(name_words), ActorKind.PERSON, None, "actor.kind.name.v1"
    return phrase, ActorKind.UNKNOWN, None, "actor.kind.unknown.v1"


def _named_from(
    content: list[str], profile: LangProfile, nw: NameWords, seg: Segmented | None
) -> str | None:
    """The name of a person named with the body they belong to: "Anna Berger vom Institut
    für Energie", "John Smith of the Brookings Institute" — two to four name words before
    the phrase's first continuation ("von", "of") followed by an organisation, outlet or
    document word. The body says where the person is from; it does not speak. ("Ursula von
    der Leyen": a name follows the particle, and the name stays whole.)"""
    cut = next(
        (i for i, w in enumerate(content) if w.lower() in profile.noun_phrase.continuations),
        None,
    )
    # a full name (given name and surname): one capitalised word before "von" is as often
    # a German common noun ("Aktienkurse von Banken")
    if cut is None or not 2 <= cut <= 4 or cut + 1 >= len(content):
        return None
    head = content[:cut]
    if not all(_is_name_word(w, profile, nw) and not profile.is_role_noun(w) for w in head):
        return None
    if seg is not None and profile.lang != "de":
        # a title-case phrase ("Harsh Criticism of the Institute") is made of words the
        # article also writes in lowercase; names are not (German nouns always are capital)
        lowered = _lowercase_words(seg)
        if any(w.lower() in lowered for w in head):
            return None
    body = content[cut + 1 :]
    if not any(_hint(w, profile, nw) or _outlet_noun(w, profile, nw) for w in body):
        return None
    return _join(head)


def _common_noun(words: list[str], word: str, profile: LangProfile) -> bool:
    """A German noun after a determiner is no person's name ("die Küstenwache", "der
    Abstand", "den Übergriffen"): names take no article; an agent noun ("der Stürmer") or
    a nationality ("der Nigerianer") describes a person."""
    if profile.lang != "de" or not words or not _det(words[0], profile):
        return False
    nw = name_words(profile.lang)
    low = word.lower()
    if low.endswith(("e", "en")) and words[0].lower() in nw.masculine_determiners:
        return False  # "der Rachsüchtige", "dem Angeklagten": an adjective as a person
    return not low or not (low.endswith(nw.agent_endings) or entity_words("de").nationality(word))


def _unidentified(words: list[str], role_at: int, content: list[str], nw: NameWords) -> bool:
    """One person the article does not identify: an indefinite description without a
    complement ("ein anderer Offizier", "a friend"; but "ein Sprecher des Ministeriums"
    and "a spokesman for the ministry" are identified by their role)."""
    if not words or words[0].lower() not in nw.indefinite_determiners:
        return False
    return content[role_at] == content[-1] and words[-1] == content[-1]


def _acronym(word: str) -> bool:
    """An abbreviation in capitals ("ÖGB", "AK-NÖ", "LKH"): an organisation's name."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _hint(word: str, profile: LangProfile, nw: NameWords) -> ActorKind | None:
    """The kind a head word suggests: the profile's heads, then names.json's additions."""
    got = profile.actor_kind_hint(word)
    if got is not None:
        return got
    low = word.lower()
    if low in nw.document_heads:
        return ActorKind.DOCUMENT
    stem = genitive_stem(word) if nw.lang == "de" else None
    if word[:1].isupper() and (nw.is_org_word(word) or (stem and nw.is_org_word(stem))):
        return ActorKind.ORGANIZATION
    return None


def _named_outlet(
    words: list[str], head: int | None, profile: LangProfile, nw: NameWords
) -> Description | None:
    """An outlet: a gazetteer name at the head ("die Washington Post", "der Standard"), an
    outlet noun and the outlet's name ("US-Magazin Wired"), a domain ("golem.de"), an
    outlet's own report ("ein Bericht der New York Times")."""
    if head is None:
        return None
    # a gazetteer name may begin with its article, capitalised as part of the title ("The
    # Hill", "Die Presse"; "sagte der Presse" is the press, not the newspaper)
    titled = head and _det(words[head - 1], profile) and words[head - 1][:1].isupper()
    starts = (head, head - 1) if titled else (head,)
    for start in starts:
        for got in (nw.match(nw.outlets, words, start), profile.match_outlet(words, start)):
            if got is not None and not any(x[:1].isalnum() for x in words[start + got[1] :]):
                return _outlet_name(got[0], nw), ActorKind.OUTLET, None, "actor.kind.outlet.v1"
    # lowercase adjectives before the outlet noun: "der bahrainischen Zeitung Mira", "the
    # conservative website Daily Example"
    noun = head
    while (
        noun + 1 < len(words)
        and noun - head < 2
        and words[noun][:1].islower()
        and not _outlet_noun(words[noun], profile, nw)
    ):
        noun += 1
    if noun != head and _outlet_noun(words[noun], profile, nw):
        head = noun
    w = words[head]
    is_head = _outlet_noun(w, profile, nw)
    # the names after it, also two of them ("die Zeitungen Le Soir und De Standaard")
    rest = [x for x in words[head + 1 :] if x[:1].isalnum()]
    names = [x for x in rest if x.lower() not in nw.coordinators]
    if is_head and names and all(x[:1].isupper() or x[:1].isdigit() for x in names):
        name = nw.match(nw.outlets, rest, 0) or profile.match_outlet(rest, 0)
        title = name[0] if name is not None and name[1] == len(rest) else _join(rest)
        return _outlet_name(title, nw), ActorKind.OUTLET, None, "actor.kind.outlet_named.v1"
    if (
        len(words) - head == 1
        and "." in w[1:]
        and w.rsplit(".", 1)[-1].lower() in ("de", "at", "ch", "com", "org", "net", "io")
    ):
        return w, ActorKind.OUTLET, None, "actor.kind.outlet_named.v1"
    return _outlet_report(words, head, profile, nw)


def _outlet_noun(word: str, profile: LangProfile, nw: NameWords) -> bool:
    """A noun for an outlet ("Zeitung", "US-Magazin", "Rundfunk", "newspaper")."""
    noun = word.lower().rsplit("-", 1)[-1]
    if noun in nw.document_heads or profile.is_document_head(word):
        return False  # "Aussendung" is a press release, not a "Sendung"
    return (
        noun in nw.outlet_heads
        or noun in profile.evidence.outlet_heads
        or noun.endswith(_long_outlet_heads(profile.lang))
    )


@cache
def _long_outlet_heads(lang: str) -> tuple[str, ...]:
    """The outlet heads a compound may end in ("Nachrichtenmagazin"): six letters and more."""
    return tuple(h for h in name_words(lang).outlet_heads if len(h) > 5)


def _outlet_report(
    words: list[str], head: int, profile: LangProfile, nw: NameWords
) -> Description | None:
    """An outlet's own report is the outlet speaking: "ein Bericht der New York Times",
    "a report by Politico" (the outlet right after the document noun, not "the transcript
    of the debate, published by X")."""
    w = words[head]
    if not (profile.is_document_head(w) or w.lower() in nw.document_heads):
        return None
    j = head + 1
    while j < len(words) and (words[j].lower() in nw.report_links or not words[j][:1].isalnum()):
        j += 1
    if j == head + 1 or j >= len(words):
        return None
    got = nw.match(nw.outlets, words, j) or profile.match_outlet(words, j)
    if got is None:
        return None
    return _outlet_name(got[0], nw), ActorKind.OUTLET, None, "actor.kind.outlet_report.v1"


def _outlet_name(name: str, nw: NameWords) -> str:
    got = nw.match(nw.outlets, name.split(), 0)
    return got[0] if got is not None and got[1] == len(name.split()) else name


def _english_head(
    words: list[str], profile: LangProfile, nw: NameWords
) -> tuple[str, ActorKind] | None:
    """An English noun phrase's head is its last noun before a complement ("the Reuters /
    Ipsos poll released Friday" → poll): the kind that head says."""
    end = next((i for i, w in enumerate(words) if i and w.lower() in nw.head_cuts), len(words))
    head = next((w for w in reversed(words[:end]) if w[:1].isalnum()), None)
    if head is None:
        return None
    low = head.lower()
    if low in nw.document_heads or profile.is_document_head(head):
        return head, ActorKind.DOCUMENT
    if profile.is_role_noun(head) or nw.is_person_noun(head):
        return head, ActorKind.PERSON
    return None


def _join(words: Sequence[str]) -> str:
    """Words as text: no space before closing punctuation or after an opening bracket."""
    out = ""
    for w in words:
        if out and not (w in ",.;:!?)]" or out.endswith(("(", "["))):
            out += " "
        out += w
    return out
