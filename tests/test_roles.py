"""rasid.roles: the doing verb with a pronoun, the verbs of aiming."""
import pytest

from rasid.normalize import norm
from rasid.roles import aim_verbs, resumes


@pytest.mark.parametrize("word, expected", [
    ("نفذته", True), ("شنتها", True), ("أطلقها", True), ("زرعها", True), ("تبناه", True),
    # no pronoun: a plain verb before its subject
    ("نفذت", False), ("شنت", False),
    # a pronoun on a verb that does not name a doer
    ("قالته", False),
])
def test_doing_verb_with_a_pronoun(word, expected):
    assert resumes(norm(word)) is expected


@pytest.mark.parametrize("word, expected", [("استهدفت", True), ("واستهدفت", True), ("يستهدف", True),
                                            ("على", False), ("ضد", False)])
def test_aiming_verbs_are_verbs_only(word, expected):
    assert (norm(word) in aim_verbs()) is expected
