"""Charts of the evidence: the studies' numbers drawn as SVG, each number with its source and unit.

The numbers live in one YAML file (the ``charts_file`` option); :mod:`.schema` gives its shape,
:mod:`.checks` what the shape cannot say, :mod:`.draw` turns a chart into shapes and a table, and
:mod:`.macro` renders ``{{ chart("id") }}`` through ``templates/chart.html``. The same file holds the
running stride's data, which the package's ``stride`` folder checks and draws.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..content.validate import schema_problems
from ..content.yamlsource import load_yaml, read_text
from ..stride.stride_checks import named_by_speed, stride_problems
from .chart_checks import named_by_id, problems_of
from .chart_schema import CHARTS_SCHEMA

if TYPE_CHECKING:
    from ..content.model import Site
    from ..errors import Problem

__all__ = ["load_charts"]


def load_charts(shown: str, site: Site) -> tuple[dict[str, Any], list[Problem]]:
    """``{"charts": {id: chart}}`` (and the stride under ``"stride"``), or every problem with the file.

    Read after the exercises and references, whose ids and keys the charts name."""
    if not shown:
        return {}, []
    text, problems = read_text(Path(shown), shown)
    if text is None:
        return {}, problems
    located, problems = load_yaml(text, shown)
    if located is None:
        return {}, problems
    problems = [
        named_by_speed(named_by_id(problem, located.data), located.data)
        for problem in schema_problems(located, CHARTS_SCHEMA, shown)
    ]
    if problems:
        return {}, problems
    data: dict[str, Any] = located.data  # type: ignore[assignment]  # the schema made it a mapping
    problems = problems_of(located, shown, site)
    if "stride" in data:
        problems += stride_problems(located, shown, site)
    if problems:
        return {}, problems
    loaded = {"charts": {chart["id"]: chart for chart in data["charts"]}}
    if "stride" in data:
        loaded["stride"] = data["stride"]
    return loaded, []
