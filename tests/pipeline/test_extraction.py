"""The extraction pipeline: partitions, engines, resume after a kill, cache invalidation, reading back."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from conftest import ROOT, SAMPLE
from toolkit.pipeline.extraction import TABLES, extract, plan_partitions, read_table

N_FILES = 40
PER_PARTITION = 4


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """40 distinct articles made from the sample texts, with the sample metadata file."""
    folder = tmp_path_factory.mktemp("corpus")
    texts = sorted(SAMPLE.glob("*.txt"))
    for i in range(N_FILES):
        source = texts[i % len(texts)]
        body = source.read_text(encoding="utf-8")
        (folder / f"{i:03d}_{source.name}").write_text(body + f"\n\nCopy {i}.", encoding="utf-8")
    return folder


def outputs(out: Path) -> dict[str, bytes]:
    """Every output file of an extraction (markers and manifest included), by relative path."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def n_parts(corpus) -> int:
    """Partitions of the test corpus: boundaries are content-defined, so about N_FILES / PER_PARTITION."""
    return len(plan_partitions(corpus, files_per_partition=PER_PARTITION))


@pytest.fixture(scope="module")
def reference(corpus, n_parts, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("ref") / "out"
    result = extract(corpus, out, files_per_partition=PER_PARTITION, progress=False)
    assert (result.partitions, result.ran, result.skipped) == (n_parts, n_parts, 0)
    assert n_parts > 3
    return out


def test_plan_is_stable_and_exports_are_their_own_partitions(corpus, tmp_path):
    plan = plan_partitions(corpus, files_per_partition=PER_PARTITION)
    assert plan == plan_partitions(corpus, files_per_partition=PER_PARTITION)
    assert sum(len(p.files) for p in plan) == N_FILES and max(len(p.files) for p in plan) <= 4 * PER_PARTITION
    assert [f for p in plan for f, _ in p.files] == sorted(str(p) for p in corpus.glob("*.txt"))  # corpus order
    (tmp_path / "a.jsonl").write_text('{"text": "x"}\n', encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"text": "y"}\n', encoding="utf-8")
    assert [len(p.files) for p in plan_partitions(tmp_path, files_per_partition=PER_PARTITION)] == [1, 1]


def test_tables_read_back(reference):
    articles = read_table(reference, "articles")
    assert len(articles) == N_FILES and articles["doc_id"].is_unique
    assert {"content_hash", "n_quotes", "n_denials", "text", "outlet"} <= set(articles.columns)
    quotes, denials = read_table(reference, "quotes"), read_table(reference, "denials")
    assert len(quotes) == articles["n_quotes"].sum() and len(denials) >= articles["n_denials"].sum()
    texts = dict(zip(articles["doc_id"], articles["text"]))
    for row in quotes.itertuples():
        assert texts[row.doc_id][row.start:row.end] == row.text
    manifest = json.loads((reference / "manifest.json").read_text())
    assert manifest["articles"]["loaded"] == N_FILES and manifest["rows"]["quotes"] == len(quotes)


def test_second_run_skips_everything_and_changes_nothing(corpus, reference, n_parts):
    before = outputs(reference)
    result = extract(corpus, reference, files_per_partition=PER_PARTITION, progress=False)
    assert (result.ran, result.skipped) == (0, n_parts)
    assert outputs(reference) == before


def test_two_local_workers_give_the_same_output(corpus, reference, tmp_path):
    extract(corpus, tmp_path / "out", files_per_partition=PER_PARTITION, workers=2, progress=False)
    assert outputs(tmp_path / "out") == outputs(reference)


def test_dask_local_cluster_gives_the_same_output(corpus, reference, tmp_path):
    pytest.importorskip("distributed")
    extract(corpus, tmp_path / "out", files_per_partition=PER_PARTITION, engine="dask", workers=2, progress=False)
    assert outputs(tmp_path / "out") == outputs(reference)


def test_killed_run_resumes_to_identical_output(corpus, tmp_path):
    """Kill an extraction half-way (SIGKILL), run it again: same output as one uninterrupted run."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in sorted(corpus.glob("*.txt")):
        (folder / path.name).write_bytes(path.read_bytes())
    total = len(plan_partitions(folder, files_per_partition=PER_PARTITION))
    out = tmp_path / "out"
    command = [sys.executable, "-m", "toolkit", "extract", str(folder), "--out", str(out),
               "--files-per-partition", str(PER_PARTITION), "--quiet"]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(list((out / "_state").glob("*.json"))) < 2 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    done = len(list((out / "_state").glob("*.json")))
    assert 0 < done < total

    resumed = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{total} partitions: {total - done} run, {done} already done" in resumed.stdout
    uninterrupted = tmp_path / "uninterrupted"
    # A process of its own, like the runs above: the same code on disk, whatever this one imported.
    subprocess.run([*command[:6], str(uninterrupted), *command[7:]], cwd=ROOT, check=True, capture_output=True)
    assert outputs(out) == outputs(uninterrupted)


def test_other_rules_invalidate_the_cache(corpus, reference, tmp_path):
    from toolkit.corpus.boilerplate import load_rules

    rules = tmp_path / "rules.jsonl"
    rules.write_text('{"id": "copy", "action": "drop", "where": "edge", "pattern": "^Copy \\\\d+\\\\.$"}\n')
    out = tmp_path / "out"
    extract(corpus, out, files_per_partition=PER_PARTITION, progress=False)
    result = extract(corpus, out, files_per_partition=PER_PARTITION, progress=False, rules=load_rules(rules))
    assert result.ran == result.partitions
    # Without the "Copy N." footers the copies are duplicates: each partition drops its own, the rest are flagged.
    assert len(read_table(out, "articles")) == 4
    assert len(read_table(out, "articles", keep_duplicates=True)) > 4


def test_user_lexicon_is_used_and_invalidates_the_cache(corpus, tmp_path):
    lexicon = tmp_path / "mine.tsv"
    lexicon.write_text("# my lexicon: only a phrase no article uses\nzz\tzzyzx\tfalsity\tme\t\n", encoding="utf-8")
    out = tmp_path / "out"
    extract(corpus, out, files_per_partition=PER_PARTITION, progress=False)
    assert len(read_table(out, "denials")) > 0
    result = extract(corpus, out, files_per_partition=PER_PARTITION, progress=False, lexicon=lexicon, lexicon_extend=False)
    assert result.ran == result.partitions and len(read_table(out, "denials")) == 0  # only my lexicon, which matches nothing


def test_refuses_a_folder_that_is_not_an_extraction(corpus, tmp_path):
    (tmp_path / "precious.txt").write_text("keep")
    with pytest.raises(ValueError, match="not empty and was not written by the toolkit"):
        extract(corpus, tmp_path, progress=False)
    assert [p.name for p in tmp_path.iterdir()] == ["precious.txt"]


def test_cli_extract(corpus, tmp_path, capsys):
    from toolkit.cli.main import main

    n = len(plan_partitions(corpus, files_per_partition=20))
    assert main(["extract", str(corpus), "--out", str(tmp_path / "o"), "--files-per-partition", "20", "--quiet"]) == 0
    assert f"{n} partitions: {n} run, 0 already done" in capsys.readouterr().out
    assert all(sorted((tmp_path / "o" / t).glob("*.parquet")) for t in TABLES)
    assert isinstance(read_table(tmp_path / "o", "load_log"), pd.DataFrame)


@pytest.mark.parametrize("bytes_per_slice", [1, 50, 120, 10_000])
def test_jsonl_slices_cover_every_line_once(tmp_path, bytes_per_slice):
    from toolkit.corpus.formats import jsonl_slices

    lines = [json.dumps({"id": f"r{i}", "text": "word " * (i % 7 + 1)}) for i in range(30)]
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    data = path.read_bytes()
    slices = jsonl_slices(path, bytes_per_slice)
    assert slices[0][0] == 0 and slices[-1][1] == len(data)
    assert all(a[1] == b[0] for a, b in zip(slices, slices[1:]))
    for start, end, first_line in slices:
        assert start == 0 or data[start - 1:start] == b"\n"  # slices start at line starts
        assert data[:start].count(b"\n") + 1 == first_line


def test_big_jsonl_sliced_gives_the_same_articles(tmp_path):
    rows = [json.dumps({"text": f"Article {i} said the minister.", "outlet": "x"}) for i in range(200)]
    path = tmp_path / "corpus" / "export.jsonl"
    path.parent.mkdir()
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    whole = extract(path.parent, tmp_path / "whole", progress=False)
    sliced = extract(path.parent, tmp_path / "sliced", progress=False, bytes_per_partition=1000)
    assert whole.partitions == 1 and sliced.partitions > 5
    columns = ["doc_id", "text", "content_hash"]
    pd.testing.assert_frame_equal(read_table(tmp_path / "whole", "articles", columns=columns),
                                  read_table(tmp_path / "sliced", "articles", columns=columns))
    assert read_table(tmp_path / "sliced", "articles")["doc_id"].iloc[-1] == "export:200"


@pytest.mark.parametrize(
    "title, text, expected",
    [
        ("Claims are false", "Claims are false.\n\nBody.", True),
        ("Hillary Clinton’s Claim Isn’t True.", "Hillary Clinton’s Claim Isn’t True. Not Yet.\n\nBody.", True),
        ("Claims are false", "Body first.\n\nClaims are false.", False),
        ("", "Body.", False),
    ],
)
def test_title_in_body(title, text, expected):
    from toolkit.denials.finder import title_in_body

    assert title_in_body(title, text) is expected


def test_title_denials_counted_once(tmp_path):
    from toolkit.corpus.article import Article
    from toolkit.pipeline.extraction import analyse_article

    text = "Moscow says US claims are baseless.\n\nThe ministry said so."
    repeated = analyse_article(Article("a", text, title="Moscow says US claims are baseless"))
    apart = analyse_article(Article("b", "The ministry said so.", title="Moscow says US claims are baseless"))
    assert [d["field"] for d in repeated["denials"]] == ["text"]
    assert [d["field"] for d in apart["denials"]] == ["title"]


def test_symlinked_folders_are_followed_once(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    (real / "a.txt").write_text("Alpha.", encoding="utf-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "link").symlink_to(real, target_is_directory=True)
    (real / "loop").symlink_to(corpus, target_is_directory=True)  # a cycle must not loop forever
    from toolkit import load_corpus

    assert list(load_corpus(corpus)["doc_id"]) == ["a"]


def test_empty_corpus_extraction_is_still_an_extraction(tmp_path):
    from toolkit.pipeline.dataset import is_extraction, open_dataset

    (tmp_path / "empty").mkdir()
    extract(tmp_path / "empty", tmp_path / "out", progress=False)
    assert is_extraction(tmp_path / "out")
    data = open_dataset(tmp_path / "out")
    assert data.log.loaded == 0


def _small_corpus(folder: Path, n: int = 6) -> Path:
    folder.mkdir(parents=True)
    for i in range(n):
        (folder / f"s{i}.txt").write_text(f"Story {i}. The minister said the report was false.", encoding="utf-8")
    return folder


def test_extract_refuses_an_out_around_or_inside_its_input(tmp_path):
    """Recipe 1: `extract C/articles --out C` deleted C/articles/part-1.txt, then the whole C/articles/."""
    articles = tmp_path / "C" / "articles"
    articles.mkdir(parents=True)
    (articles / "part-1.txt").write_text("The minister said the report was false.", encoding="utf-8")
    for out in (tmp_path / "C", articles, articles / "out"):
        for options in ({}, {"dedupe": False}):
            with pytest.raises(ValueError, match="contains the input|is an input|lies inside the input"):
                extract(articles, out, progress=False, **options)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == ["C", "C/articles", "C/articles/part-1.txt"]


def test_changed_metadata_reruns_and_updates_outlets(tmp_path):
    """Recipe 4: changing metadata.tsv (an outlet) and re-running said "already done" and kept the old outlets."""
    corpus = _small_corpus(tmp_path / "c")
    (corpus / "metadata.tsv").write_text("doc_id\toutlet\ns0\tnyt\n", encoding="utf-8")
    out = tmp_path / "out"
    extract(corpus, out, progress=False)
    (corpus / "metadata.tsv").write_text("doc_id\toutlet\ns0\twapo\n", encoding="utf-8")
    result = extract(corpus, out, progress=False)
    assert result.ran >= 1
    assert read_table(out, "articles").set_index("doc_id").loc["s0", "outlet"] == "wapo"


def test_every_load_option_is_in_the_cache_key(tmp_path):
    corpus = _small_corpus(tmp_path / "c")
    out = tmp_path / "out"
    extract(corpus, out, progress=False)
    assert extract(corpus, out, progress=False, max_bytes=10).ran == 1  # every article now too large
    assert len(read_table(out, "articles")) == 0
    metadata = tmp_path / "m.tsv"
    metadata.write_text("doc_id\toutlet\ns1\trt\n", encoding="utf-8")
    assert extract(corpus, out, progress=False, metadata=metadata).ran == 1
    metadata.write_text("doc_id\toutlet\ns1\tbbc\n", encoding="utf-8")  # an explicit metadata file, by content
    assert extract(corpus, out, progress=False, metadata=metadata).ran == 1
    assert read_table(out, "articles").set_index("doc_id").loc["s1", "outlet"] == "bbc"


@pytest.mark.parametrize("damage", ["delete", "truncate", "same_size"])
def test_damaged_part_files_are_redone(tmp_path, damage):
    """Recipe 4: a deleted or truncated part file was "already done", the tables short of the manifest."""
    corpus = _small_corpus(tmp_path / "c")
    out = tmp_path / "out"
    extract(corpus, out, files_per_partition=2, progress=False)
    before = outputs(out)
    part = sorted((out / "quotes").glob("part-*.parquet"))[0]
    if damage == "delete":
        part.unlink()
    elif damage == "truncate":
        part.write_bytes(part.read_bytes()[:100])
    else:
        data = bytearray(part.read_bytes())
        data[len(data) // 2] ^= 0xFF
        part.write_bytes(bytes(data))
    result = extract(corpus, out, files_per_partition=2, progress=False)
    assert result.ran == 1 and outputs(out) == before


def test_interrupted_run_leaves_the_old_extraction_readable_only_after_finishing(tmp_path):
    """A run that stops after its first partition leaves an unfinished extraction, which says so, then resumes."""
    from toolkit.pipeline.layout import ExtractionError

    corpus = _small_corpus(tmp_path / "c")
    out = tmp_path / "out"
    import toolkit.pipeline.extraction as extraction

    calls = []
    real = extraction.run_partition

    def stop_after_one(*args, **kwargs):
        if calls:
            raise KeyboardInterrupt
        calls.append(1)
        return real(*args, **kwargs)

    extraction.run_partition = stop_after_one
    try:
        with pytest.raises(KeyboardInterrupt):
            extract(corpus, out, files_per_partition=2, progress=False)
    finally:
        extraction.run_partition = real
    with pytest.raises(ExtractionError, match="unfinished"):
        read_table(out, "articles")
    result = extract(corpus, out, files_per_partition=2, progress=False)
    assert result.skipped == 1 and len(read_table(out, "articles")) == 6
    assert not [p for p in out.rglob("*.tmp")]


def test_a_rerun_with_other_options_keeps_files_a_researcher_added(tmp_path):
    """Recipe 1: a second run with another option deleted whole folders; now only the extraction's own files go."""
    corpus = _small_corpus(tmp_path / "c")
    out = tmp_path / "out"
    extract(corpus, out, progress=False)
    (out / "articles" / "my_notes.txt").write_text("mine", encoding="utf-8")
    (out / "README.txt").write_text("mine too", encoding="utf-8")
    result = extract(corpus, out, progress=False, dedupe=False)
    assert result.ran == result.partitions
    assert (out / "articles" / "my_notes.txt").read_text() == "mine" and (out / "README.txt").read_text() == "mine too"


def test_planning_notes_reach_the_load_log(tmp_path):
    """Recipe 7 (extract side): ignored .pdf files vanished without a note in extract/report; a .docx that is
    no database export is a skip with its reason."""
    corpus = _small_corpus(tmp_path / "c", 2)
    (corpus / "scan.pdf").write_bytes(b"%PDF-1.4")
    (corpus / "memo.docx").write_bytes(b"PK")
    extract(corpus, tmp_path / "out", progress=False)
    log = read_table(tmp_path / "out", "load_log")
    notes = log[log["reason"] == "ignored_files"]
    assert len(notes) == 1 and ".pdf" in notes["detail"].iloc[0]
    assert list(log.loc[log["source"].str.endswith("memo.docx"), "reason"]) == ["not_an_export"]


# --- people: persons decided over the whole corpus, after the partitions (tests/people_corpus.py) ---------------


@pytest.fixture(scope="module")
def people_corpus(tmp_path_factory) -> Path:
    from people_corpus import write_corpus

    return write_corpus(tmp_path_factory.mktemp("people") / "corpus")


def test_extraction_carries_persons_decided_over_the_corpus(people_corpus, tmp_path):
    import people_corpus as expected
    from toolkit.pipeline.extraction import read_people
    from toolkit.pipeline.layout import extraction_manifest

    out = tmp_path / "out"
    extract(people_corpus, out, files_per_partition=1, progress=False)  # one article per partition: a2 decides a3's "Trump"
    quotes = read_table(out, "quotes")
    assert list(quotes["speaker"]) == [q[1] for q in expected.QUOTES]
    assert list(quotes["person"]) == expected.persons() and list(quotes["speaker_kind"]) == [q[3] for q in expected.QUOTES]
    assert "gender_guess" not in quotes  # opt-in
    denials = read_table(out, "denials")
    assert list(zip(denials["doc_id"], denials["denier"], denials["person"])) == expected.DENIALS
    people = read_people(out).set_index("person")
    assert bool(people.loc["Clinton", "ambiguous"]) and people.loc["Donald Trump", "quotes"] == 3
    assert extraction_manifest(out)["people"] == {"aliases": None, "gender": False}
    assert list(read_table(out, "quotes", columns=["person"]).columns) == ["person"]
    assert list(read_table(out, "quotes", columns=["speaker", "speaker_kind"])["speaker_kind"]) == [q[3] for q in expected.QUOTES]


def test_the_people_post_pass_gives_the_same_persons_on_two_workers(people_corpus, tmp_path):
    from toolkit.pipeline.extraction import read_people

    extract(people_corpus, tmp_path / "one", files_per_partition=1, progress=False, gender=True)
    extract(people_corpus, tmp_path / "two", files_per_partition=1, progress=False, gender=True, workers=2)
    assert read_people(tmp_path / "two").equals(read_people(tmp_path / "one"))
    for table in ("quotes", "denials"):
        pd.testing.assert_frame_equal(read_table(tmp_path / "two", table), read_table(tmp_path / "one", table))


def test_the_people_post_pass_gives_the_same_persons_on_dask_and_leaves_no_spool(people_corpus, tmp_path):
    """Dask runs both passes on its workers, spooling inside the extraction folder (which they see); the spool goes."""
    pytest.importorskip("distributed")
    from toolkit.pipeline.extraction import read_people
    from toolkit.pipeline.layout import SPOOL

    extract(people_corpus, tmp_path / "one", files_per_partition=1, progress=False, gender=True)
    stale = tmp_path / "dask" / SPOOL / "quotes-0.parquet"  # a killed run's spool
    extract(people_corpus, tmp_path / "dask", files_per_partition=1, progress=False, gender=True)
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"not parquet")
    extract(people_corpus, tmp_path / "dask", files_per_partition=1, progress=False, gender=True, engine="dask",
            workers=2)
    assert not (tmp_path / "dask" / SPOOL).exists() and not (tmp_path / "one" / SPOOL).exists()
    assert read_people(tmp_path / "dask").equals(read_people(tmp_path / "one"))
    for table in ("quotes", "denials"):
        pd.testing.assert_frame_equal(read_table(tmp_path / "dask", table), read_table(tmp_path / "one", table))


def test_persons_are_written_and_read_partition_by_partition(people_corpus, tmp_path):
    """The post-pass never holds the corpus's rows: one row group per table and partition, read one at a time."""
    import pyarrow.parquet as pq
    from toolkit.pipeline.extraction import PERSONS_FILE, _Persons, iter_table

    out = tmp_path / "out"
    extract(people_corpus, out, files_per_partition=1, progress=False)
    parquet = pq.ParquetFile(out / PERSONS_FILE)
    groups = [parquet.read_row_group(i, columns=["table", "partition"]).to_pandas() for i in
              range(parquet.metadata.num_row_groups)]
    keys = [(g["table"].iloc[0], g["partition"].iloc[0]) for g in groups if len(g)]
    assert all(g[["table", "partition"]].nunique().max() <= 1 for g in groups) and len(keys) == len(set(keys)) > 1
    persons = _Persons(out / PERSONS_FILE, "quotes")
    assert persons.whole is None  # read by partition
    streamed = pd.concat(list(iter_table(out, "quotes")), ignore_index=True)
    pd.testing.assert_frame_equal(streamed, read_table(out, "quotes"))
    assert streamed["person"].notna().any()


def test_aliases_and_gender_change_the_fingerprint(tmp_path):
    from toolkit.pipeline.extraction import ExtractConfig

    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("Clinton,Hillary Clinton\n", encoding="utf-8")
    second.write_text("Clinton,Hillary Clinton\n", encoding="utf-8")
    plain = ExtractConfig().fingerprint()
    aliased = ExtractConfig(aliases=str(first)).fingerprint()
    assert aliased != plain and ExtractConfig(gender=True).fingerprint() != plain
    assert ExtractConfig(aliases=str(second)).fingerprint() == aliased  # by content, not by name
    first.write_text("Clinton,Bill Clinton\n", encoding="utf-8")
    assert ExtractConfig(aliases=str(first)).fingerprint() != aliased


def test_aliases_and_gender_reach_the_extraction_and_rerun_it(people_corpus, tmp_path):
    import people_corpus as expected

    aliases = tmp_path / "aliases.csv"
    aliases.write_text(expected.ALIASES, encoding="utf-8")
    out = tmp_path / "out"
    extract(people_corpus, out, files_per_partition=1, progress=False)
    result = extract(people_corpus, out, files_per_partition=1, progress=False, aliases=aliases, gender=True)
    assert result.ran == result.partitions  # another fingerprint: nothing reused
    quotes = read_table(out, "quotes")
    assert list(quotes["person"]) == expected.persons(aliased=True)
    genders = [q[4] for q in expected.QUOTES]
    genders[2] = "female"  # the aliased Clinton is Hillary Clinton
    assert list(quotes["gender_guess"]) == genders
    again = extract(people_corpus, out, files_per_partition=1, progress=False, aliases=aliases, gender=True)
    assert again.skipped == again.partitions and list(read_table(out, "quotes")["person"]) == list(quotes["person"])


def test_malformed_aliases_fail_before_any_work(people_corpus, tmp_path):
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("surface,person\nClinton,Hillary Clinton\nSanders\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"aliases\.csv, line 3"):
        extract(people_corpus, tmp_path / "out", progress=False, aliases=aliases)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("chunk", [1000, 2, 1])
def test_quote_records_stream_with_persons(people_corpus, tmp_path, monkeypatch, chunk):
    import people_corpus as expected
    import toolkit.pipeline.extraction as extraction
    from toolkit.corpus.loaders import iter_articles
    from toolkit.pipeline.extraction import denial_records, quote_records

    monkeypatch.setattr(extraction, "RECORD_CHUNK", chunk)  # the speaker rows wait on disk, a chunk at a time
    records = list(quote_records(iter_articles(people_corpus), gender=True))
    assert list(zip(*((r["doc"], r["denier"], r["person"]) for r in denial_records(iter_articles(people_corpus))))) \
        == list(zip(*expected.DENIALS))
    assert [r["person"] for r in records] == expected.persons()
    assert [r["gender_guess"] for r in records] == [q[4] for q in expected.QUOTES]
    assert all(r["doc"] in expected.TEXTS and expected.TEXTS[r["doc"]][r["start"]:r["end"]] == r["text"] for r in records)
    bad = tmp_path / "bad.csv"
    bad.write_text("Clinton,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 1"):
        quote_records(iter_articles(people_corpus), aliases=bad)  # before any article is read
