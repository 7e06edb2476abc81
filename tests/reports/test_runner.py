"""The report command: papermill run, HTML without code, manifest, reproducible tables; the notebooks run."""

from __future__ import annotations

import hashlib
import json
import re

import pytest

from conftest import ROOT, SAMPLE
from toolkit.cli.main import main
from toolkit.denials.finder import MIN_SCORE
from toolkit.reports.runner import (NOTEBOOK_DIR, ReportError, ReportParameterError, _check_parameters, _resolve_notebooks, corpus_name,
                                    default_kernels, join_split_streams, run_report, sha256_file)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports") / "sample"
    return run_report(SAMPLE, out, progress=False, kernels=2)  # notebooks side by side, even on one core


def test_report_folder_contents(report):
    out = report.out_dir
    for name in ("01_corpus_overview.ipynb", "01_corpus_overview.html", "index.html", "manifest.json"):
        assert (out / name).is_file(), name
    # >=: the quotes, denials and compare notebooks add figures of their own (tests/test_analysis.py covers them).
    assert {p.name for p in (out / "figures").iterdir()} >= {"articles_per_outlet.png", "articles_per_month.png", "article_length.png"}
    assert {p.name for p in (out / "tables").iterdir()} >= {"articles.csv", "articles_per_outlet.csv", "load_log.csv"}


def test_html_has_no_code_and_shows_results(report):
    html = report.html[0].read_text(encoding="utf-8")
    assert "load_corpus(" not in html and "import matplotlib" not in html
    assert "4 read, 4 loaded" in html and "Articles per outlet" in html and "data:image/png;base64" in html


def test_manifest_records_parameters_versions_and_input_hashes(report):
    manifest = json.loads(report.manifest.read_text(encoding="utf-8"))
    assert manifest["corpus"]["path"] == str(SAMPLE.resolve())
    assert manifest["parameters"]["corpus"] == str(report.out_dir / "extraction")  # analysed once, read by every notebook
    assert manifest["libraries"]["pandas"] and manifest["libraries"]["papermill"]
    inputs = {entry["path"]: entry["sha256"] for entry in manifest["inputs"]}
    assert inputs["000_ad9fd6472d9b5eb0.txt"] == sha256_file(SAMPLE / "000_ad9fd6472d9b5eb0.txt")
    assert "metadata.csv" in inputs
    assert set(manifest["run"]) >= {"started", "finished"}
    lock = ROOT / "requirements.lock"
    assert manifest["dependency_lock"] == {"path": "requirements.lock", "sha256": hashlib.sha256(lock.read_bytes()).hexdigest()}
    assert manifest["denial_min_score"] == MIN_SCORE
    assert f"model score at least {MIN_SCORE:g}" in (report.out_dir / "03_denials.html").read_text(encoding="utf-8")


def test_second_run_gives_identical_tables_and_html(report, tmp_path):
    """Also: notebooks run one after another (one kernel at a time) give the same report as side by side."""
    again = run_report(SAMPLE, tmp_path / "again", progress=False, kernels=1)
    pages = [p.name for p in report.html]
    assert pages == ["01_corpus_overview.html", "02_quotes.html", "03_denials.html", "04_compare.html", "05_validation.html"]
    for name in [*pages, "index.html", *(f"tables/{p.name}" for p in (report.out_dir / "tables").iterdir())]:
        assert (again.out_dir / name).read_bytes() == (report.out_dir / name).read_bytes(), name


def test_pages_and_index_form_a_site(report):
    """Issue 12: every page was titled "Notebook", with no link to the others; the index an unstyled list."""
    import re

    titles = {p.name: re.search(r"<title>(.*?)</title>", p.read_text(encoding="utf-8")).group(1) for p in report.html}
    assert titles == {"01_corpus_overview.html": "Corpus overview · sample report", "02_quotes.html": "Quotes · sample report",
                      "03_denials.html": "Denials · sample report", "04_compare.html": "Comparing two sub-corpora · sample report",
                      "05_validation.html": "Validation · sample report"}
    quotes = (report.out_dir / "02_quotes.html").read_text(encoding="utf-8")
    nav = re.search(r'<nav class="toolkit-nav".*?</nav>', quotes).group(0)
    assert re.findall(r'href="([^"]+)"', nav) == ["index.html", *titles]
    toc = re.findall(r'href="#([^"]+)"', re.search(r'<nav class="toolkit-toc".*?</nav>', quotes).group(0))
    assert "Quote-browser" in toc and all(f'id="{anchor}"' in quotes for anchor in toc)
    index = (report.out_dir / "index.html").read_text(encoding="utf-8")
    assert "<title>sample report</title>" in index and "<h1>sample</h1>" in index
    assert "4 files or rows read, 4 articles loaded, 0 skipped." in index and "2015-12-20 to 2017-09-29" in index
    assert re.findall(r'<a class="card" href="([^"]+)">', index) == list(titles)


def test_example_articles_are_closed_sections_one_per_outlet(report):
    quotes = (report.out_dir / "02_quotes.html").read_text(encoding="utf-8")
    summaries = re.findall(r'<details class="toolkit-example"[^>]*>\s*<summary[^>]*>([^<]*)</summary>', quotes)
    assert [s.split(" · ")[0] for s in summaries] == ["RT", "huff-post", "nyt", "politico"]
    assert not re.search(r'<details class="toolkit-example"[^>]* open>', quotes)


def test_relative_stop_word_list_is_found_from_where_the_command_runs(tmp_path, monkeypatch):
    (tmp_path / "mine.txt").write_text("trump\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    compare = [NOTEBOOK_DIR / "04_compare.ipynb"]
    checked = _check_parameters(compare, {"keyness_stop_words": "mine.txt", "keyness_extra_stop_words": "trump,clinton"})
    assert checked["keyness_stop_words"] == str(tmp_path / "mine.txt")
    assert checked["keyness_extra_stop_words"] == ["trump", "clinton"]
    assert _check_parameters(compare, {"keyness_stop_words": "None"})["keyness_stop_words"] is None
    with pytest.raises(ReportParameterError, match="keyness_max_chars expects a whole number of at least 1"):
        _check_parameters(compare, {"keyness_max_chars": "0"})


def test_parameters_reach_the_notebook(tmp_path):
    result = run_report(SAMPLE, tmp_path / "nyt", parameters={"outlets": ["nyt"]}, progress=False)
    articles = (result.out_dir / "tables" / "articles.csv").read_text(encoding="utf-8")
    assert "nyt_2015-12-22" in articles and "000_ad9fd6472d9b5eb0" not in articles


def test_report_on_an_extraction_folder_reads_it(report, tmp_path):
    result = run_report(report.out_dir / "extraction", tmp_path / "from-extraction", progress=False)
    assert not (result.out_dir / "extraction").exists()
    assert corpus_name(report.out_dir / "extraction") == report.out_dir.name == "sample"  # the report's name, not "extraction"
    ours = (result.out_dir / "tables" / "articles.csv").read_bytes()
    assert ours == (report.out_dir / "tables" / "articles.csv").read_bytes()


def test_refuses_to_overwrite_a_folder_that_is_not_a_report(tmp_path):
    (tmp_path / "precious.txt").write_text("keep me")
    with pytest.raises(ReportError, match="not written by the toolkit.*not a report folder"):
        run_report(SAMPLE, tmp_path, progress=False)
    assert [p.name for p in tmp_path.iterdir()] == ["precious.txt"]


def test_failing_notebook_names_the_cell_and_keeps_partial_output(tmp_path):
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("corpus = None\noutput_dir = None", metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell("raise RuntimeError('boom')")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    source = tmp_path / "broken.ipynb"
    nbformat.write(nb, source)
    with pytest.raises(ReportError, match=r"broken.ipynb failed in cell .*RuntimeError: boom"):
        run_report(SAMPLE, tmp_path / "out", notebooks=[source], progress=False)
    assert (tmp_path / "out" / "broken.ipynb").is_file()


def test_cli_report_missing_corpus_exits_2(tmp_path, capsys):
    """Recipe 14: a missing corpus exited 1; the README says 2."""
    assert main(["report", str(tmp_path / "nope"), "--out", str(tmp_path / "r"), "--quiet"]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    with pytest.raises(ReportError, match="no such corpus"):
        run_report(tmp_path / "nope", tmp_path / "r", progress=False)
    assert not (tmp_path / "r").exists()


def test_rerun_deletes_only_the_reports_own_files(tmp_path):
    """A second report into the same folder replaces what the first wrote and keeps what a researcher added."""
    out = tmp_path / "r"
    first = run_report(SAMPLE, out, notebooks=["01_corpus_overview.ipynb"], progress=False)
    (out / "tables" / "my_notes.csv").write_text("mine\n", encoding="utf-8")
    stale = out / "tables" / "stale.csv"
    stale.write_text("old\n", encoding="utf-8")
    marker = json.loads((out / ".toolkit-output.json").read_text())
    marker["files"].append("tables/stale.csv")  # as if an earlier report had written it
    (out / ".toolkit-output.json").write_text(json.dumps(marker))
    again = run_report(SAMPLE, out, notebooks=["01_corpus_overview.ipynb"], progress=False)
    assert (out / "tables" / "my_notes.csv").read_text(encoding="utf-8") == "mine\n"
    assert not stale.exists()
    assert again.html[0].read_bytes() == first.html[0].read_bytes()
    outputs = {entry["path"] for entry in json.loads(again.manifest.read_text())["outputs"]}
    assert not any(name.startswith(".") for name in outputs)


def _cli_report(tmp_path, name, *extra):
    out = tmp_path / name
    code = main(["report", str(SAMPLE), "--out", str(out), "--notebooks", "01_corpus_overview", "--quiet", *extra])
    return code, out


def test_cli_outlet_as_word_or_json_list_gives_the_same_report(tmp_path, capfd):
    """Issue 12: `-p outlets nyt` and `-p outlets '["nyt"]'` reached the notebook as strings: "0 articles".
    With --quiet nothing reaches the terminal's stderr (the kernel's "TCP without encryption" warning did)."""
    code_word, word = _cli_report(tmp_path, "word", "-p", "outlets", "nyt")
    code_json, as_json = _cli_report(tmp_path, "json", "-p", "outlets", '["nyt"]')
    assert code_word == code_json == 0
    articles = (word / "tables" / "articles.csv").read_text(encoding="utf-8")
    assert "nyt_2015-12-22" in articles and "politico" not in articles
    assert (as_json / "tables" / "articles.csv").read_text(encoding="utf-8") == articles
    assert (as_json / "01_corpus_overview.html").read_bytes() == (word / "01_corpus_overview.html").read_bytes()
    assert json.loads((word / "manifest.json").read_text())["parameters"]["outlets"] == ["nyt"]
    assert capfd.readouterr().err == ""


def test_cli_unknown_outlet_stops_with_one_line_listing_the_outlets(tmp_path, capsys):
    code, _ = _cli_report(tmp_path, "nosuch", "-p", "outlets", "nosuch")
    err = [line for line in capsys.readouterr().err.splitlines() if line.startswith("error")]
    assert code == 2
    assert err == ["error: notebook 01_corpus_overview.ipynb: parameter outlets: no outlet 'nosuch' in the corpus; "
                   "the corpus has 4 articles from outlets RT (1), huff-post (1), nyt (1), politico (1); dated 2015-12-20 to 2017-09-29"]


def test_cli_parameter_of_the_wrong_kind_stops_before_anything_runs(tmp_path, capsys):
    code, out = _cli_report(tmp_path, "abc", "-p", "top_n", "abc")
    assert code == 2
    assert capsys.readouterr().err == "error: parameter top_n expects a whole number of at least 1, got 'abc'\n"
    assert not out.exists()


def test_unknown_parameter_is_refused_with_the_names(tmp_path):
    with pytest.raises(ReportParameterError, match=r"unknown parameter outlet \(did you mean outlets\?\); the notebooks take: .*top_n"):
        run_report(SAMPLE, tmp_path / "r", notebooks=["01_corpus_overview"], parameters={"outlet": "nyt"}, progress=False)


def test_notebook_failure_is_one_line_with_the_exceptions_last_line(tmp_path, capfd):
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("corpus = None\noutput_dir = None", metadata={"tags": ["parameters"]}),
                nbformat.v4.new_code_cell("raise RuntimeError('first line\\nsecond line\\nthe reason')")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, tmp_path / "multi.ipynb")
    with pytest.raises(ReportError) as caught:
        run_report(SAMPLE, tmp_path / "out", notebooks=[tmp_path / "multi.ipynb"], progress=True)
    message = str(caught.value)
    assert "\n" not in message and "RuntimeError: the reason)" in message and "first line" not in message
    assert "notebook 1/1: multi.ipynb\n" in capfd.readouterr().err  # the progress bar's notebook is named


@pytest.mark.parametrize("name", ["03_denials", "03_denials.ipynb"])
def test_notebooks_by_name_with_or_without_suffix(name):
    assert _resolve_notebooks([name]) == [(NOTEBOOK_DIR / "03_denials.ipynb").resolve()]


def test_unknown_notebook_lists_the_choices():
    with pytest.raises(ReportError, match=r"notebook not found: 03 \(the notebooks are: 01_corpus_overview, 02_quotes, 03_denials, 04_compare"):
        _resolve_notebooks(["03"])


def _notebook(path, *cells):
    """Write a notebook with a parameters cell (corpus, output_dir) and `cells` as code cells."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("corpus = None\noutput_dir = None", metadata={"tags": ["parameters"]}),
                *(nbformat.v4.new_code_cell(cell) for cell in cells)]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, path)
    return path


def test_side_by_side_kernels_are_separate_and_start_in_the_notebooks_folder(tmp_path):
    """Each notebook has a fresh kernel of its own (a page never sees another's variables), started in its folder."""
    import os

    first = _notebook(tmp_path / "first.ipynb", "shared = 'from first'", "import os; print(os.getcwd(), os.getpid())")
    second = _notebook(tmp_path / "second.ipynb", "print('shared' in globals())", "import os; print(os.getcwd(), os.getpid())")
    cwd = os.getcwd()
    result = run_report(SAMPLE, tmp_path / "out", notebooks=[first, second], progress=False, kernels=2)
    assert os.getcwd() == cwd  # papermill's cwd= would change the folder of the whole process
    outputs = [_stdout(nb) for nb in result.notebooks]
    assert outputs[1][0] == "False"
    (cwd_a, pid_a), (cwd_b, pid_b) = (out[-1].split() for out in outputs)
    assert cwd_a == cwd_b == str(tmp_path) and pid_a != pid_b


def _stdout(notebook):
    """The printed output of each of a notebook's own code cells (not its parameters)."""
    import nbformat

    cells = [c for c in nbformat.read(notebook, as_version=4).cells
             if c.cell_type == "code" and not {"parameters", "injected-parameters"} & set(c.metadata.get("tags", []))]
    return ["".join(o.get("text", "") for o in c.get("outputs", [])).strip() for c in cells]


def test_first_failing_notebook_stops_the_notebooks_running_beside_it(tmp_path):
    """A failure kills the kernels still running (as Ctrl-C and SIGTERM do), rather than waiting for them."""
    import time

    broken = _notebook(tmp_path / "broken.ipynb", "raise RuntimeError('boom')")
    slow = _notebook(tmp_path / "slow.ipynb", "import time; time.sleep(300)")
    started = time.monotonic()
    with pytest.raises(ReportError, match=r"broken.ipynb failed in cell .*RuntimeError: boom"):
        run_report(SAMPLE, tmp_path / "out", notebooks=[broken, slow], progress=False, kernels=2)
    assert time.monotonic() - started < 120


def test_kernels_below_one_is_refused_before_anything_is_written(tmp_path):
    with pytest.raises(ReportParameterError, match="kernels must be at least 1, got 0"):
        run_report(SAMPLE, tmp_path / "out", progress=False, kernels=0)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("notebooks", [1, 5, 500])
def test_default_kernels_is_one_per_core_at_most_one_per_notebook(notebooks):
    import os

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert default_kernels(notebooks) == max(1, min(notebooks, cores))


def _stream(name, text):
    return {"output_type": "stream", "name": name, "text": text}


TABLE = {"output_type": "display_data", "data": {"text/plain": "table"}, "metadata": {}}


@pytest.mark.parametrize("outputs, expected", [
    # A print split by the kernel's timed flush (seen on a busy machine: "19 denials found ...", then "\n").
    ([_stream("stdout", "19 denials found"), _stream("stdout", "\n")], [_stream("stdout", "19 denials found\n")]),
    ([_stream("stdout", "a\n"), TABLE, _stream("stdout", "b\n")], [_stream("stdout", "a\n"), TABLE, _stream("stdout", "b\n")]),
    ([_stream("stdout", "a\n"), _stream("stderr", "warn\n")], [_stream("stdout", "a\n"), _stream("stderr", "warn\n")]),
    ([], []),
])
def test_adjacent_outputs_of_one_stream_are_joined(outputs, expected):
    assert join_split_streams(outputs) == expected
