"""rasid.notes: ACLED-style one-line English summaries."""
import re
from datetime import date
from types import SimpleNamespace

import pytest

from rasid.lexicon import table
from rasid.notes import actor_name, note
from rasid.records import Location

HAJIN = Location("هجين", 34.69, 40.83, 1, "x", "Deir ez-Zor", "Al Bukamal")


def _frame(**kw):
    base = dict(date=date(2018, 10, 26), precision=1, location=HAJIN,
                sub_event_type="Armed clash", actor1="SDF", actor2="IS")
    base.update(kw)
    return SimpleNamespace(**base)


@pytest.mark.parametrize("precision, opening", [
    (1, "On 26 October 2018, "),
    (2, "Around 26 October 2018, "),
    (3, "In October 2018, "),
])
def test_date_by_precision(precision, opening):
    assert note(_frame(precision=precision), 0).startswith(opening)


def test_unknown_date():
    assert note(_frame(date=None), 0).startswith("On an unknown date, ")


def test_actors_verb_place_and_toll():
    text = note(_frame(), 12)
    assert text == ("On 26 October 2018, QSD: Syrian Democratic Forces clashed with Islamic State "
                    "in هجين (Al Bukamal, Deir ez-Zor), with 12 reported fatalities.")


def test_no_toll_sentence_without_fatalities():
    assert "fatalit" not in note(_frame(), 0)


def test_place_without_admin_names():
    text = note(_frame(location=Location("درعا", 32.62, 36.10, 1)), 0)
    assert text.endswith(" in درعا.")


def test_unknown_sub_event_type_falls_back():
    assert " engaged " in note(_frame(sub_event_type="Something new"), 0)


def test_actor_names():
    assert actor_name("SDF") == "QSD: Syrian Democratic Forces"
    assert actor_name(None) == "unknown actors"
    assert actor_name("NOT_AN_ID") == "NOT_AN_ID"


def test_every_catalogue_actor_has_a_name():
    ids = {r["id"] for r in table("actors.tsv")}
    assert ids
    assert {i for i in ids if actor_name(i) == i} == set()


def test_takeover_does_not_say_the_enemy_was_taken():
    text = note(_frame(sub_event_type="Non-state actor overtakes territory", actor1="IS", actor2="SDF"), 0)
    assert f"took control of {actor_name('SDF')}" not in text
    assert text == ("On 26 October 2018, Islamic State took control of هجين (Al Bukamal, Deir ez-Zor) "
                    "from QSD: Syrian Democratic Forces.")


def test_regain_names_the_side_it_was_taken_from():
    text = note(_frame(sub_event_type="Government regains territory", actor1="SYR_GOV", actor2="OPP"), 0)
    assert text.startswith(f"On 26 October 2018, {actor_name('SYR_GOV')} regained control of هجين ")
    assert text.endswith(f" from {actor_name('OPP')}.")


def test_one_fatality_is_singular():
    assert note(_frame(), 1).endswith(" 1 reported fatality.")
    assert note(_frame(), 2).endswith(" 2 reported fatalities.")


def test_protesters_lead_the_protest_note():
    # «فرقت قوات الأمن المحتجين»: the force is the subject, the crowd still protests
    text = note(_frame(sub_event_type="Protest with intervention", actor1="SYR_GOV", actor2="CIVILIANS"), 0)
    assert f"{actor_name('SYR_GOV')} intervened in a protest by {actor_name('CIVILIANS')} in هجين" in text


def test_without_actor2_no_unknown_side_is_invented():
    text = note(_frame(sub_event_type="Air/drone strike", actor1="RUS", actor2=None), 0)
    assert text == (f"On 26 October 2018, {actor_name('RUS')} carried out air/drone strikes "
                    "in هجين (Al Bukamal, Deir ez-Zor).")


def _is_one_sentence(text: str, names: list[str]) -> bool:
    """Tells whether text is one sentence once the names it quotes (which may hold dots) are blanked."""
    for name in names:
        text = text.replace(name, "NAME")
    return (text[0].isupper() and text.endswith(".") and not re.search(r"[.!?]", text[:-1])
            and "  " not in text and " ," not in text and "{" not in text)


def test_every_sub_event_type_reads_as_one_sentence(shared_dir):
    rows = [line.split("\t") for line in (shared_dir / "spec" / "event_types.tsv").read_text().splitlines()
            if line and not line.startswith("#")][1:]
    subs = [r[1] for r in rows]
    assert len(subs) == 25
    for sub in subs:
        for actor2, best in (("OPP", 3), (None, 0), ("CIVILIANS", 1)):
            frame = _frame(sub_event_type=sub, actor1="SYR_GOV", actor2=actor2)
            text = note(frame, best)
            names = [actor_name("SYR_GOV"), actor_name("OPP"), actor_name("CIVILIANS"),
                     "هجين (Al Bukamal, Deir ez-Zor)"]
            assert text.startswith("On 26 October 2018, "), (sub, text)
            assert _is_one_sentence(text, names), (sub, text)
            assert actor_name("SYR_GOV") in text and "هجين (Al Bukamal, Deir ez-Zor)" in text, (sub, text)
            assert actor2 is None or actor_name(actor2) in text, (sub, text)
            assert "unknown actors" not in text and " engaged " not in text, (sub, text)
            if best:
                assert text.endswith(f", with {best} reported {'fatality' if best == 1 else 'fatalities'}."), text
            else:
                assert "fatalit" not in text, (sub, text)


def test_place_is_named_in_latin_with_the_arabic_as_written():
    from datetime import date
    from rasid.pipeline import analyze
    from rasid.records import Article
    [ev] = analyze(Article("n", "قتل 7 مدنيين أمس في غارات على مدينة خان شيخون.", "o", date(2018, 10, 27)))
    assert "Kh" in ev.notes and "[خان شيخون]" in ev.notes
