"""Reports: the tables, figures and article views the notebooks show, and the papermill runner that turns
a corpus into an HTML report with a manifest.

`runner` runs the notebooks; `overview`, `analysis`, `denial_tables` and `compare` compute the tables;
`viewer` renders an article with its quotes and denials; `outputs` saves a notebook's figures and tables
deterministically; `parameters` checks a notebook's parameters first (`check_parameters`, `select`);
`display` renders every table the same way (`show_table`, `show_kwic`). It may import every layer below it (`corpus`, `text`, `quotes`, `denials`, `pipeline`);
nothing from `cli`.
"""

from toolkit.reports.runner import ReportError, ReportResult, run_report
from toolkit.reports.viewer import article_view, kwic_html, render_article, show_article

__all__ = [
    "ReportError",
    "ReportResult",
    "article_view",
    "kwic_html",
    "render_article",
    "run_report",
    "show_article",
]
