"""The corpus itself (no browser): enough distinct cases, each saying what must show and what it uses."""

from __future__ import annotations

import pytest

from .cases import ADVERSARIAL_KINDS, Case, imported_libraries, load_cases

CASES = load_cases()
MIN_CASES = 70
MIN_LINES, MAX_LINES = 40, 200


def test_the_corpus_has_at_least_70_distinct_cases() -> None:
    assert len(CASES) >= MIN_CASES, len(CASES)
    assert len({case.path.read_text(encoding="utf-8") for case in CASES}) == len(CASES)
    assert len({case.name for case in CASES}) == len(CASES)


def test_it_holds_jsx_and_tsx_and_every_kind_of_adversarial_case() -> None:
    assert {case.path.suffix for case in CASES} == {".jsx", ".tsx"}
    assert {case.adversarial for case in CASES} >= set(ADVERSARIAL_KINDS)
    assert any(case.full_page for case in CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_each_case_says_what_must_show_and_what_it_uses(case: Case) -> None:
    source = case.path.read_text(encoding="utf-8")
    assert case.expects, "no `// expect:` line"
    assert all(len(text) >= 2 for text in case.expects), case.expects
    assert case.adversarial in (None, *ADVERSARIAL_KINDS), case.adversarial
    assert set(case.libs) == imported_libraries(source), "`// libs:` must name exactly what it imports"
    assert MIN_LINES <= len(source.splitlines()) <= MAX_LINES, len(source.splitlines())
