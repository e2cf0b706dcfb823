"""Every language data file has the documented structure."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import pytest

from sayso.lang import FRAMES, SUPPORTED, MarkerKind, Stance
from sayso.model import ActorKind, Medium

FILES = [
    "cues.json",
    "nominal_cues.json",
    "according_to.json",
    "markers.json",
    "roles.json",
    "pronouns.json",
    "actors.json",
    "abbreviations.json",
]
MEDIA = {m.value for m in Medium} - {"unknown"}


def read(lang: str, name: str) -> dict[str, Any]:
    ref = resources.files("sayso.lang").joinpath(lang, name)
    data: dict[str, Any] = json.loads(ref.read_text(encoding="utf-8"))
    return data


@pytest.mark.parametrize("lang", SUPPORTED)
@pytest.mark.parametrize("name", FILES)
def test_file_exists_with_doc(lang: str, name: str) -> None:
    data = read(lang, name)
    assert isinstance(data.get("_doc"), str) and len(data["_doc"]) > 40


def test_german_konjunktiv_file() -> None:
    data = read("de", "konjunktiv.json")
    assert data["_doc"]
    for key in ["k1", "k2", "ambiguous_plural", "indicative"]:
        assert data[key] and all(w == w.lower() for w in data[key])
    assert not set(data["k1"]) & set(data["indicative"])
    assert not set(data["k2"]) & set(data["indicative"])


@pytest.mark.parametrize("lang", SUPPORTED)
def test_cues_structure(lang: str) -> None:
    cues = read(lang, "cues.json")
    cues.pop("_doc")
    assert len(cues) > 80
    for lemma, e in cues.items():
        assert e["forms"], lemma
        assert all(f == f.lower() and " " not in f for f in e["forms"]), lemma
        assert set(e["split_forms"]) <= set(e["forms"]), lemma
        assert bool(e["split_forms"]) == (e["particle"] is not None), lemma
        assert e["medium"] in MEDIA, lemma
        assert Stance(e["stance"])
        assert e["frames"] and set(e["frames"]) <= FRAMES, lemma
        assert isinstance(e["count"], int) and e["count"] >= 0


REQUIRED_CUES = {
    "de": "sagen erklären mitteilen betonen berichten ankündigen fordern kritisieren warnen "
    "behaupten bestreiten dementieren zurückweisen bestätigen einräumen glauben meinen "
    "vermuten schreiben twittern posten verkünden versichern",
    "en": "say tell add claim argue note write tweet announce warn deny confirm admit insist "
    "believe report",
}


@pytest.mark.parametrize("lang", SUPPORTED)
def test_required_cues_present(lang: str) -> None:
    cues = read(lang, "cues.json")
    missing = [c for c in REQUIRED_CUES[lang].split() if c not in cues]
    assert not missing


def test_german_cue_forms_cover_tenses_and_konjunktiv() -> None:
    sagen = set(read("de", "cues.json")["sagen"]["forms"])
    assert {"sagt", "sagte", "sagten", "gesagt", "sage", "sagen"} <= sagen
    ank = read("de", "cues.json")["ankündigen"]
    assert ank["particle"] == "an"
    assert {"kündigte", "kündigt"} <= set(ank["split_forms"])
    assert {"angekündigt", "ankündigte", "anzukündigen"} <= set(ank["forms"])


@pytest.mark.parametrize("lang", SUPPORTED)
def test_nominal_cues_structure(lang: str) -> None:
    nouns = read(lang, "nominal_cues.json")
    nouns.pop("_doc")
    for lemma, e in nouns.items():
        assert lemma in e["forms"]
        assert e["medium"] in MEDIA
        assert isinstance(e["count"], int)


@pytest.mark.parametrize("lang", SUPPORTED)
def test_according_to_structure(lang: str) -> None:
    data = read(lang, "according_to.json")
    ids = [p["id"] for p in data["patterns"]]
    assert len(ids) == len(set(ids))
    for p in data["patterns"]:
        assert p["id"].startswith(lang + ".")
        assert p["tokens"]
        assert p.get("source", "slot") in {"slot", "none", "self", "anaphoric"}
        assert p.get("content", "clause") in {"clause", "before", "after"}
        if p.get("source", "slot") == "slot" and p["id"] not in {
            "de.nach_compound",
            "de.nach_report",
            "en.cue_in_statement",
            "en.quoted_as",
            "en.reports_say",
        }:
            assert "SOURCE" in p["tokens"], p["id"]
        anchor = p.get("anchor")
        if anchor is not None:
            assert p["tokens"][anchor] not in {"SOURCE", "CUE"}
        for k in p.get("source_kinds", ()):
            assert ActorKind(k)
        assert 0 < p.get("confidence", 0.8) <= 1


@pytest.mark.parametrize("lang", SUPPORTED)
def test_markers_structure(lang: str) -> None:
    data = read(lang, "markers.json")
    cues = read(lang, "cues.json")
    for kind in MarkerKind:
        assert isinstance(data.get(kind.value, []), list)
        for lemma in data.get(f"{kind.value}_cues", []):
            assert lemma in cues, lemma
    assert data["reportative"] and data["hedge"] and data["unconfirmed"]


@pytest.mark.parametrize("lang", SUPPORTED)
def test_roles_pronouns_actors_abbreviations(lang: str) -> None:
    roles = read(lang, "roles.json")
    assert len(roles["nouns"]) > 50
    assert all(isinstance(v, int) for v in roles["nouns"].values())
    if lang == "de":
        assert {"sprecher", "minister", "chef"} <= set(roles["suffixes"])
    pron = read(lang, "pronouns.json")["pronouns"]
    assert all(p["kind"] in {"personal", "relative", "demonstrative", "indefinite"} for p in pron)
    actors = read(lang, "actors.json")
    assert {"Reuters", "AFP", "dpa", "BBC", "CNN"} <= set(actors["outlets"])
    for key in ["organization", "anonymous", "document"]:
        assert actors[key]["heads"]
    abbr = read(lang, "abbreviations.json")
    assert all(a.endswith(".") for a in abbr["abbreviations"])
    assert sorted(set(abbr["months"].values())) == list(range(1, 13))
