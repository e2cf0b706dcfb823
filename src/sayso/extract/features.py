"""Token features for the sequence taggers.

Features are strings (crfsuite treats each as a binary indicator). Everything that depends
only on the word is computed once per distinct word and cached per language profile, so the
per-token cost is a handful of list concatenations; only quotation state and sentence-level
context are computed per occurrence.

Lexicon features come from the language data files (cue verbs, role nouns, according-to
triggers, markers, Konjunktiv forms): the taggers learn *how* the corpus uses them, the
data says *which* words they are.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sayso.lang import LangProfile
from sayso.text.quotes import MARK_RE
from sayso.text.segment import Segmented

_CONTEXT = (-2, -1, 1, 2)
_SENTENCE_FLAGS = frozenset(
    ("cue", "acc", "mk=reportative", "mk=hedge", "ncue", "colon", "comp", "mood=K1", "mood=K2")
)
_ANCHORS = frozenset(("cue", "acc", "ncue"))
_POS = [f"pos={k}" for k in range(6)]
_RPOS = [f"rpos={k}" for k in range(6)]
_PUNCT_CLASSES = {",": "comma", ":": "colon", ".": "period", "(": "lpar", ")": "rpar"}


def _shape(word: str) -> str:
    out = []
    last = ""
    for ch in word[:6]:
        c = "X" if ch.isupper() else "x" if ch.isalpha() else "d" if ch.isdigit() else ch
        if c != last:
            out.append(c)
        last = c
    return "".join(out)


def _mood_function(profile: LangProfile) -> Callable[[str], str]:
    """German verb mood as a short label ("K1", "K2", "amb"); other languages have none."""
    if profile.lang != "de":
        return lambda _w: ""
    from sayso.lang.mood import Mood, mood

    labels = {Mood.K1: "K1", Mood.K2: "K2", Mood.INDICATIVE_OR_K1: "amb"}
    return lambda w: labels.get(mood(w), "")


class FeatureCache:
    """Word-level features for one language profile, memoised per distinct word."""

    def __init__(self, profile: LangProfile) -> None:
        self.profile = profile
        self._base: dict[str, list[str]] = {}
        self._ctx: dict[str, list[str]] = {}
        self._flags: dict[str, tuple[str, ...]] = {}
        self._ctx_at: dict[int, dict[str, list[str]]] = {o: {} for o in _CONTEXT}
        self.mood = _mood_function(profile)

    def flags(self, word: str) -> tuple[str, ...]:
        """Lexicon flags of a word (shared by the word's own and its neighbours' features)."""
        got = self._flags.get(word)
        if got is not None:
            return got
        p = self.profile
        low = word.lower()
        out: list[str] = []
        cue = p.cue(low)
        if cue is not None:
            out.append("cue")
            out.append("cue=" + cue.lemma)
            out.append("med=" + cue.medium.value)
            if cue.stance.value != "neutral":
                out.append("stance=" + cue.stance.value)
        elif p.particle_cues(low):
            out.append("cue")
            out.append("cuestem")
        if low in p.particles:
            out.append("ptcl")
        if p.nominal_cue(word) is not None:
            out.append("ncue")
        if p.according_to_at(low):
            out.append("acc")
        marker = p.marker(low)
        if marker is not None:
            out.append("mk=" + marker.value)
        if p.is_role_noun(word):
            out.append("role")
        if p.is_speaker_pronoun(low):
            out.append("pron")
        kind = p.actor_kind_hint(word)
        if kind is not None:
            out.append("kind=" + kind.value)
        mood = self.mood(word)
        if mood:
            out.append("mood=" + mood)
        if low in p.complementizers:
            out.append("comp")
        if low in p.tagger_determiners:
            out.append("det")
        if low in p.prepositions:
            out.append("prep")
        if MARK_RE.fullmatch(word):
            out.append("qmark")
        elif word in _PUNCT_CLASSES:
            out.append(_PUNCT_CLASSES[word])
        elif word[:1].isupper():
            out.append("cap")
        res = tuple(out)
        self._flags[word] = res
        return res

    def base(self, word: str) -> list[str]:
        got = self._base.get(word)
        if got is not None:
            return got
        low = word.lower()
        out = [
            "w=" + low,
            "s3=" + low[-3:],
            "s2=" + low[-2:],
            "p3=" + low[:3],
            "sh=" + _shape(word),
        ]
        out.extend(self.flags(word))
        self._base[word] = out
        return out

    def context_at(self, word: str, offset: int) -> list[str]:
        """Context features of ``word`` seen from ``offset`` tokens away, prefixed once."""
        table = self._ctx_at[offset]
        got = table.get(word)
        if got is None:
            p = f"{offset}:"
            got = [p + x for x in self.context(word)]
            table[word] = got
        return got

    def trim(self, limit: int = 200_000) -> None:
        """Keep memory flat over millions of articles: forget the memo past ``limit`` words."""
        if len(self._flags) > limit:
            self._flags.clear()
            self._base.clear()
            self._ctx.clear()
            for table in self._ctx_at.values():
                table.clear()

    def context(self, word: str) -> list[str]:
        """Unprefixed context features of a word; callers prefix them with the offset."""
        got = self._ctx.get(word)
        if got is not None:
            return got
        low = word.lower()
        out = ["w=" + low]
        out.extend(f for f in self.flags(word) if not f.startswith(("med=", "stance=")))
        self._ctx[word] = out
        return out


def _bucket(d: int) -> str:
    sign = "L" if d > 0 else "R"  # the anchor lies to the left (L) or right (R)
    d = abs(d)
    return sign + ("1" if d == 1 else "2" if d == 2 else "3-5" if d <= 5 else "6+")


def sentence_features(
    cache: FeatureCache, seg: Segmented, sent_index: int, sent_flags: Sequence[frozenset[str]]
) -> list[list[str]]:
    """Features for every token of sentence ``sent_index``."""
    a, b = seg.sentences[sent_index]
    words = seg.words
    depth = seg.quote_depth
    here = sent_flags[sent_index]
    prev = sent_flags[sent_index - 1] if sent_index > 0 else frozenset()
    nxt = sent_flags[sent_index + 1] if sent_index + 1 < len(sent_flags) else frozenset()
    sentence_level = [f"S.{f}" for f in here]
    sentence_level += [f"P.{f}" for f in prev]
    sentence_level += [f"N.{f}" for f in nxt]
    n = b - a
    # quotation position: before the first quotation, inside, after the last one
    first_q = next((i for i in range(a, b) if depth[i]), None)
    last_q = next((i for i in range(b - 1, a - 1, -1) if depth[i]), None)
    # cue anchors (cue verbs, according-to triggers, nominal cues) outside quotations, and
    # clause numbers (commas, colons, dashes outside quotations end a clause)
    breaks = cache.profile.clause_breaks
    clause = [0] * n
    anchors: list[int] = []
    c = 0
    for i in range(a, b):
        w = words[i]
        if not depth[i]:
            if w in breaks:
                c += 1
            elif _ANCHORS.intersection(cache.flags(w)):
                anchors.append(i)
        clause[i - a] = c
    anchor_clauses = {clause[i - a] for i in anchors}
    anchors_set = set(anchors)
    # distance to the nearest anchor, by two sweeps
    near = [0] * n
    if anchors:
        last = -(1 << 30)
        for r in range(n):
            if r + a in anchors_set:
                last = r
            near[r] = r - last
        last = 1 << 30
        for r in range(n - 1, -1, -1):
            if r + a in anchors_set:
                last = r
            if last - r < abs(near[r]):
                near[r] = r - last
    seq: list[list[str]] = []
    prev_low = "<S>"
    for i in range(a, b):
        f = list(cache.base(words[i]))
        f.extend(sentence_level)
        d = depth[i]
        if d:
            f.append("inq" if d == 1 else "inq2")
        elif first_q is not None and last_q is not None:
            f.append("bq" if i < first_q else "aq" if i > last_q else "mq")
        rel = i - a
        if rel == 0:
            f.append("BOS")
        elif rel == n - 1:
            f.append("EOS")
        low = words[i].lower()
        f.append("bi=" + prev_low + "|" + low)
        prev_low = low
        if anchors:
            dist = near[i - a]
            f.append("cueD=" + ("0" if dist == 0 else _bucket(dist)))
            f.append("cuecl" if clause[rel] in anchor_clauses else "nocuecl")
        else:
            f.append("noanchor")
        f.append(_POS[min(rel, 5)])
        f.append(_RPOS[min(n - 1 - rel, 5)])
        for o in _CONTEXT:
            j = i + o
            if a <= j < b:
                f.extend(cache.context_at(words[j], o))
                jd = depth[j]
                if jd != d:
                    f.append(f"{o}:qd{jd - d:+d}")
            elif o in (-1, 1):
                f.append(f"{o}:OUT")
        seq.append(f)
    return seq


def sentence_flags(cache: FeatureCache, seg: Segmented) -> list[frozenset[str]]:
    """Coarse per-sentence signals used as context by this and the neighbouring sentences."""
    out = []
    words = seg.words
    depth = seg.quote_depth
    for a, b in seg.sentences:
        fl: set[str] = set()
        for i in range(a, b):
            fs = cache.flags(words[i])
            if depth[i]:
                fl.add("q")
                continue
            for x in fs:
                if x in _SENTENCE_FLAGS:
                    fl.add(x)
        out.append(frozenset(fl))
    return out


def _dist_bucket(d: int) -> str:
    return "1" if d <= 1 else "2" if d == 2 else "3-5" if d <= 5 else "6-10" if d <= 10 else "11+"


def statement_features(
    cache: FeatureCache,
    seg: Segmented,
    sent_feats: Sequence[list[list[str]]],
    window: range,
    content: frozenset[int],
    form: str,
) -> list[list[str]]:
    """Features for tagging the roles of *one* statement, in the window of sentences around
    its content (the sentences of the content plus the one before it).

    Every token learns where it stands relative to this content — inside, before or after
    it, how far, across how many clause breaks, in the same or the previous sentence — so
    that the tagger answers "who said *this*?" rather than "who speaks in this sentence?".
    """
    lo = min(content)
    hi = max(content)
    first_sent = window[-1]
    for s in window:
        a, b = seg.sentences[s]
        if a <= lo < b:
            first_sent = s
            break
    breaks = cache.profile.clause_breaks
    words = seg.words
    out: list[list[str]] = []
    for s in window:
        a, b = seg.sentences[s]
        where = "same" if s >= first_sent else "prev"
        # clause breaks between each token and the content edge
        before_breaks = [0] * (b - a)
        n = 0
        for i in range(min(b, lo) - 1, a - 1, -1):
            before_breaks[i - a] = n
            if words[i] in breaks and not seg.quote_depth[i]:
                n += 1
        n = 0
        for i in range(max(a, hi + 1), b):
            if words[i] in breaks and not seg.quote_depth[i]:
                n += 1
            before_breaks[i - a] = n
        for i in range(a, b):
            f = list(sent_feats[s][i - a])
            if i in content:
                rel = "IN"
                f.append("IN")
                if i == lo:
                    f.append("Qfirst")
                if i == hi:
                    f.append("Qlast")
            else:
                rel = "B" if i < lo else "A"
                d = lo - i if i < lo else i - hi
                f.append(f"{rel}{_dist_bucket(d)}")
                nb = before_breaks[i - a]
                f.append(f"{rel}br{min(nb, 2)}")
                for x in cache.flags(words[i]):
                    f.append(f"{rel}|{x}")
                f.append(f"{rel}|w={words[i].lower()}")
            f.append(where)
            f.append(f"{where}|{rel}")
            f.append(f"form={form}|{rel}")
            out.append(f)
    return out


def _size(n: int) -> str:
    return "<6" if n < 6 else "<12" if n < 12 else "<25" if n < 25 else "25+"


def whole_sentence_features(
    cache: FeatureCache,
    seg: Segmented,
    s: int,
    sent_flags: Sequence[frozenset[str]],
    prev_has_statement: bool,
) -> list[str]:
    """One feature list describing sentence ``s`` as a whole, for the classifier of
    sentences that are statements in their entirety: reported speech ("Die Opposition wies
    die Änderungen zurück."), free indirect speech in Konjunktiv ("Die Lage sei ernst.")."""
    a, b = seg.sentences[s]
    words = seg.words
    f = [f"S.{x}" for x in sent_flags[s]]
    f += [f"P.{x}" for x in sent_flags[s - 1]] if s > 0 else ["BOD"]
    f.append("prevstmt" if prev_has_statement else "noprevstmt")
    f.append("len" + _size(b - a))
    f.append("first=" + words[a].lower())
    f.extend("first|" + x for x in cache.flags(words[a]))
    if words[b - 1] not in (".", "!", "?"):
        f.append("noend")
    n_cue = 0
    for i in range(a, b):
        if seg.quote_depth[i]:
            continue
        fl = cache.flags(words[i])
        for x in fl:
            if x.startswith(("cue=", "mood=", "mk=", "kind=")) or x in (
                "role",
                "pron",
                "ncue",
                "acc",
            ):
                f.append("has|" + x)
        f.append("bow=" + words[i].lower())
        if "cuestem" in fl:
            # a separable verb is a cue only with its particle later in the clause
            low = words[i].lower()
            for j in range(i + 1, b):
                entry = cache.profile.cue_with_particle(low, words[j].lower())
                if entry is not None:
                    f.append("has|cue=" + entry.lemma)
                    break
        if "cue" in fl:
            n_cue += 1
            rel = i - a
            f.append(
                "cuepos="
                + ("1" if rel <= 1 else "2-3" if rel <= 3 else "4-8" if rel <= 8 else "9+")
            )
    f.append(f"ncue={min(n_cue, 2)}")
    f.extend(_clause_shape(cache, seg, a, b))
    return f


def _clause_shape(cache: FeatureCache, seg: Segmented, a: int, b: int) -> list[str]:
    """Subject-verb shape of a sentence for the whole-sentence classifier: a sentence-
    initial noun phrase before a cue verb or modal ("Die Gewerkschaft fordert …", "Die
    Partei will …") and what kind of actor it is (role noun, pronoun, actor kind). (The
    sentence's last word was tried too and measured worse on wikinews-de dev.)"""
    p = cache.profile
    words = seg.words
    out: list[str] = []
    verb = None
    for i in range(a, min(b, a + 8)):
        w = words[i]
        if seg.quote_depth[i]:
            break
        low = w.lower()
        if w[:1].islower() and (
            p.cue(low) is not None or p.particle_cues(low) or low in p.reportative_modals
        ):
            verb = i
            break
        if not (w[:1].isupper() or low in p.determiners or w == "-"):
            break
    if verb is None or verb == a or words[a].lower() in p.prepositions:
        return out  # no subject, or an adverbial first ("Im Herbst will …")
    low = words[verb].lower()
    kind = "modal" if low in p.reportative_modals else "cue"
    out.append("sv=" + kind)
    if kind == "modal":
        out.append("sv=modal|" + low[:4])
    for i in range(a, verb):
        for x in cache.flags(words[i]):
            if x in ("role", "pron") or x.startswith("kind="):
                out.append("subj|" + x)
    return out


def medium_features(
    cache: FeatureCache,
    seg: Segmented,
    form: str,
    content: Sequence[int],
    cue: Sequence[int],
    frame: Sequence[int],
) -> list[str]:
    """One feature list for classifying a statement's medium (speech, writing, thought and
    the corpus' mixed values): the cue's lemma and lexicon medium, the form, and the words
    of the frame ("in einer Pressemitteilung", "auf Twitter", "im Interview")."""
    words = seg.words
    f = ["form=" + form]
    for i in cue:
        f.append("cuew=" + words[i].lower())
        f.extend("cue|" + x for x in cache.flags(words[i]) if x.startswith(("cue=", "med=")))
    for i in frame:
        if i not in cue:
            f.append("fw=" + words[i].lower())
            f.extend("f|" + x for x in cache.flags(words[i]) if x.startswith(("kind=", "ncue")))
    if content:
        a = content[0]
        s = seg.sentence_of[a]
        sa, sb = seg.sentences[s]
        f.extend("sw=" + words[i].lower() for i in range(sa, sb) if i not in content)
        f.append("q" if seg.quote_depth[a] else "noq")
    return f
