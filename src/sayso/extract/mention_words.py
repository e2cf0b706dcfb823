"""What the speaker ranker's features ask about one word form, looked up once per process.

:mod:`sayso.extract.mentions` chunks the sentences near each statement into candidate
mentions and computes their features; every question it asks about a word (a pronoun? a
determiner? a role noun? what kind of actor does it name? can it head a speaker phrase?)
is answered here in one :class:`Word` per form, memoised per language profile, so a
document's chunker and features read attributes instead of calling the lexicon again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sayso.extract.draft import _SPEAKER_KINDS
from sayso.lang import LangProfile
from sayso.lang.entries import Pronoun
from sayso.model import ActorKind


@dataclass(slots=True)
class Word:
    """One word form's answers (``low``: the form lowercased); read-only by convention
    (a frozen dataclass costs a call per field to build, and a new word is built for
    every form of unseen text)."""

    low: str
    prons: tuple[Pronoun, ...]  # of the lower-cased form
    speaker_pronoun: bool
    relative: bool
    det: bool
    obj_det: bool
    prep: bool
    addr_prep: bool
    according: bool
    verbish: bool
    cue: bool
    #: the first character is upper case
    upper: bool
    #: the first character is a letter but not upper case (the "name" feature's test)
    lower_letter: bool
    #: ``profile.is_role_noun``
    role: bool
    #: ``profile.actor_kind_hint``
    kind: ActorKind | None
    #: can head a speaker phrase (``draft.speaker_head``)
    headed: bool
    #: may open a noun phrase: a capitalised word, a determiner, a role or actor noun
    opens: bool
    #: the answers the lexical features read, as bits (``B_*``), for numpy over a document
    bits: int = 0


#: bits of :attr:`Word.bits`
B_PRON, B_PRON_PERSON, B_PRON_FIRST, B_RELATIVE = 1, 2, 4, 8
B_LOWER_LETTER, B_ROLE, B_ORG, B_OUTLET, B_ANONYMOUS, B_DOCUMENT = 16, 32, 64, 128, 256, 512
B_DET, B_OBJ_DET, B_PREP, B_ADDR_PREP, B_HEADED, B_COMMA = 1024, 2048, 4096, 8192, 16384, 32768
B_ACCORDING, B_VERBISH, B_CUE, B_UPPER = 65536, 131072, 262144, 524288
_KIND_BITS = {
    ActorKind.ORGANIZATION: B_ORG,
    ActorKind.OUTLET: B_OUTLET,
    ActorKind.ANONYMOUS: B_ANONYMOUS,
    ActorKind.DOCUMENT: B_DOCUMENT,
}


class Lookups:
    """One profile's memoised words (kept with the profile, so its id is not reused)."""

    __slots__ = ("profile", "words")

    def __init__(self, profile: LangProfile) -> None:
        self.profile = profile
        self.words: dict[str, Word] = {}


_LOOKUPS: dict[int, Lookups] = {}
_LOOKUPS_MAX = 200_000  # forms kept per profile over millions of articles


def lookups_of(profile: LangProfile) -> Lookups:
    got = _LOOKUPS.get(id(profile))
    if got is None or got.profile is not profile:
        got = _LOOKUPS[id(profile)] = Lookups(profile)
    if len(got.words) > _LOOKUPS_MAX:
        got.words.clear()
    return got


def make_word(profile: LangProfile, w: str) -> Word:
    """The :class:`Word` of form ``w`` (see :meth:`Lookups.words` for the memoised one)."""
    low = w.lower()
    prons = profile.pronouns.get(low, ())
    speaker_pronoun = any(p.speaker for p in prons)
    det = low in profile.determiners
    prep = low in profile.prepositions
    role = profile.is_role_noun(w)
    kind = profile.actor_kind_hint(w)
    head = w[:1]
    upper = head.isupper()
    x = Word(
        low,
        prons,
        speaker_pronoun,
        low in profile.relative_pronouns,
        det,
        low in profile.object_determiners,
        prep,
        low in profile.addressee_prepositions,
        bool(profile.according_to_triggers.get(low)),
        # a lower-case word that is no determiner, preposition, pronoun or conjunction:
        # in a German or English clause most often a verb
        head.islower()
        and head.isalpha()
        and not det
        and not prep
        and low not in profile.complementizers
        and not prons,
        profile.cue_forms.get(low) is not None or bool(profile.split_forms.get(low)),
        upper,
        head.isalpha() and not upper,
        role,
        kind,
        upper or speaker_pronoun or role or (kind is not None and kind.value in _SPEAKER_KINDS),
        head.isalnum() and (upper or det or role or kind is not None),
    )
    x.bits = _bits(x, w)
    return x


def _bits(x: Word, w: str) -> int:
    prons = x.prons
    return (
        (B_PRON if prons else 0)
        | (B_PRON_PERSON if any(p.number == "sg" and p.gender in ("m", "f") for p in prons) else 0)
        | (B_PRON_FIRST if any(p.person == 1 for p in prons) else 0)
        | (B_RELATIVE if x.relative else 0)
        | (B_LOWER_LETTER if x.lower_letter else 0)
        | (B_ROLE if x.role else 0)
        | (B_DET if x.det else 0)
        | (B_OBJ_DET if x.obj_det else 0)
        | (B_PREP if x.prep else 0)
        | (B_ADDR_PREP if x.addr_prep else 0)
        | (B_HEADED if x.headed else 0)
        | (B_COMMA if w == "," else 0)
        | (B_ACCORDING if x.according else 0)
        | (B_VERBISH if x.verbish else 0)
        | (B_CUE if x.cue else 0)
        | (B_UPPER if x.upper else 0)
        | (_KIND_BITS.get(x.kind, 0) if x.kind is not None else 0)
    )
