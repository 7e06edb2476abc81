"""Report parameters: text from papermill's -p read into lists, dates and numbers; wrong kinds and empty selections stop."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from conftest import ROOT
from toolkit.reports.parameters import PARAMETERS, ParameterError, check_parameters, coerce, select, selection_problem
from toolkit.reports.runner import DEFAULT_NOTEBOOKS

#: The notebooks a report runs (05_validation reads coding sheets, not a corpus, and is run on its own).
NOTEBOOKS = [ROOT / "notebooks" / name for name in DEFAULT_NOTEBOOKS]


@pytest.mark.parametrize("value", ['["nyt"]', "nyt", " nyt ", ["nyt"], "[nyt]", ("nyt",)])
def test_one_outlet_however_written_is_a_list(value):
    """Issue 12: -p outlets '["nyt"]' and -p outlets nyt arrived as strings and selected nothing."""
    assert coerce("outlets", value) == ["nyt"]


@pytest.mark.parametrize("value", ["nyt,wapo", "nyt, wapo", '["nyt", "wapo"]', "[nyt, 'wapo']"])
def test_several_outlets(value):
    assert coerce("outlets", value) == ["nyt", "wapo"]


@pytest.mark.parametrize("value", [None, "None", "null", "", []])
def test_no_outlet_keeps_all(value):
    assert coerce("outlets", value) is None


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("top_n", "20", 20), ("top_n", 20.0, 20), ("browse_n", "0", 0), ("min_score", "0.7", 0.7), ("min_score", "None", None),
    ("date_from", "2016-01-01", "2016-01-01"), ("a_label", "2016", "2016"), ("colloc_measure", "pmi", "pmi"),
    ("corpus", "data/sample", "data/sample"),
])
def test_values_read_into_their_kind(name, text, expected):
    assert coerce(name, text) == expected


@pytest.mark.parametrize(("name", "value", "expects"), [
    ("top_n", "abc", "whole number"), ("top_n", 0, "at least 1"), ("top_n", True, "whole number"), ("top_n", 2.5, "whole number"),
    ("window", 1, "at least 2"), ("outlets", [1, 2], "outlet names"), ("outlets", 3, "outlet names"),
    ("date_from", "2016-13-01", "YYYY-MM-DD"), ("date_to", "yesterday", "YYYY-MM-DD"), ("min_score", 2, "0 to 1"),
    ("min_score", "abc", "0 to 1"), ("colloc_measure", "dice", "'likelihood_ratio', 'pmi'"), ("corpus", None, "path"),
    ("term", "", "non-empty"),
])
def test_wrong_kind_names_the_parameter_and_what_it_expects(name, value, expects):
    with pytest.raises(ParameterError, match=rf"^parameter {name} expects .*{expects}.*, got {value!r}$".replace("[", r"\[")):
        coerce(name, value)


def test_unknown_names_pass_through_with_json_read():
    assert coerce("my_param", "[1, 2]") == [1, 2]
    assert coerce("my_param", "text") == "text"


def test_check_parameters_returns_only_known_names_from_a_namespace():
    namespace = {"outlets": "nyt", "top_n": "5", "In": [], "pd": pd, "_": None}
    assert check_parameters(namespace) == {"outlets": ["nyt"], "top_n": 5}


def test_date_range_the_wrong_way_round_stops():
    with pytest.raises(ParameterError, match="date_from .2016-05-01. is after date_to .2016-01-01."):
        check_parameters({"date_from": "2016-05-01", "date_to": "2016-01-01"})


@pytest.fixture
def articles():
    return pd.DataFrame({
        "doc_id": ["a", "b", "c", "d"],
        "outlet": ["nyt", "nyt", "wapo", None],
        "date": pd.to_datetime(["2016-01-05", "2016-02-01", "2016-03-01", None]),
    })


def test_unknown_outlet_lists_the_corpus_outlets_and_dates(articles):
    problem = selection_problem(articles, ["NYT", "nosuch"], None, None)
    assert problem.startswith("parameter outlets: no outlet 'NYT' (did you mean 'nyt'?), 'nosuch' in the corpus")
    assert "outlets nyt (2), wapo (1), (unknown) (1)" in problem
    assert "dated 2016-01-05 to 2016-03-01 (1 undated)" in problem


def test_one_unknown_outlet_among_known_ones_still_stops(articles):
    """A typo in one of two outlets would silently compare one outlet with itself."""
    assert "no outlet 'wapoo'" in selection_problem(articles, ["nyt", "wapoo"], None, None)


def test_date_range_selecting_nothing_stops_with_the_range(articles):
    problem = selection_problem(articles, ["wapo"], "2016-01-01", "2016-02-01")
    assert problem.startswith("parameters outlets=['wapo'], date_from=2016-01-01, date_to=2016-02-01 select no article")
    assert "dated 2016-01-05 to 2016-03-01" in problem
    assert selection_problem(articles, None, "2017-01-01", None).startswith("parameters date_from=2017-01-01 select no article")


def test_a_selection_with_articles_is_fine(articles):
    assert selection_problem(articles, ["nyt"], "2016-01-01", None) is None
    assert selection_problem(articles, None, None, None) is None


def test_select_filters_or_raises(articles):
    class Data:  # the part of toolkit.pipeline.dataset.Dataset that select uses
        def __init__(self, frame):
            self.articles = frame

        def filter(self, outlets=None, date_from=None, date_to=None):
            return Data(self.articles[self.articles["outlet"].isin(outlets)])

    assert list(select(Data(articles), ["wapo"]).articles["doc_id"]) == ["c"]
    with pytest.raises(ParameterError, match="no outlet 'w'"):
        select(Data(articles), ["w"])


def _parameters_cell(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    params = next(i for i, c in enumerate(code) if "parameters" in c["metadata"].get("tags", []))
    return "".join(code[params]["source"]), "".join(code[params + 1]["source"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_notebook_checks_its_parameters_first_and_its_defaults_pass(path):
    parameters, following = _parameters_cell(path)
    assert "globals().update(check_parameters(globals()))" in following
    namespace: dict = {}
    exec(parameters, namespace)  # the defaults a researcher sees in JupyterLab
    declared = {name for name in namespace if not name.startswith("__")}
    assert declared <= set(PARAMETERS), declared - set(PARAMETERS)
    checked = check_parameters(namespace)
    assert {name: checked[name] for name in declared} == {name: namespace[name] for name in declared}
