"""outlint against the peers' own test suites: markdownlint's MD051 and MD001 fixtures and
remark-validate-links' in-document expectations (see README.md; deliberate differences, one line
each, are listed in score.DIFFERENCES)."""

from __future__ import annotations

from tests.conformance import score


def test_link_fragments_match_markdownlint() -> None:
    links, _levels = score.score_markdownlint()
    assert links.errors == []
    assert links.precision >= 0.95, links.extras
    assert links.recall >= 0.95, links.misses


def test_heading_increment_agrees_with_markdownlint() -> None:
    _links, levels = score.score_markdownlint()
    assert levels.errors == []
    assert (levels.extras, levels.misses) == ([], [])


def test_every_remark_validate_links_expectation_is_met() -> None:
    found = score.score_remark()
    assert found.errors == []
    assert (found.misses, found.extras) == ([], [])


def test_each_documented_difference_still_holds() -> None:
    links, levels = score.score_markdownlint()
    assert links.differences_seen | levels.differences_seen == set(score.DIFFERENCES)
    remark = {(name, line) for name, _peer, line in score.score_remark().differences_seen}
    assert remark == set(score.REMARK_DIFFERENCES)


def test_markers_name_their_lines() -> None:
    assert score.expected_lines("a {MD051}\nb\nc {MD001:1} {MD051:+1}\n") == {"MD051": {1, 4}, "MD001": {1}}
