"""Which parts of the drawn body are tinted as the working muscles.

Where a muscle lies is data, in the site's vocabulary (``figure_regions``: a body region and the
muscle ids or muscle group ids drawn there), so another site's muscles are tinted too, without
any muscle id in the code. The regions are the places the drawing knows how to mark.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

# Each region: the segment it lies on and where along it (fractions from the segment's start),
# and which way from the segment's axis it is drawn ('inner' towards the body's midline).
REGIONS: dict[str, str] = {
    "inner-thigh": "the inner thigh (the adductors)",
    "front-thigh": "the front of the thigh",
    "back-thigh": "the back of the thigh",
    "buttock": "the buttock and the side of the hip",
    "front-hip": "the front of the hip",
    "side-trunk": "the side of the trunk",
    "calf": "the back of the lower leg",
    "shoulder": "the shoulder",
    "upper-arm": "the upper arm",
    "forearm": "the forearm",
}


def tinted_regions(
    primary: Sequence[str],
    muscles: Mapping[str, Mapping[str, Any]],
    figure_regions: Mapping[str, Sequence[str]],
) -> set[str]:
    """The regions of ``figure_regions`` that name one of ``primary`` or its muscle group."""
    names = set(primary) | {str(muscles.get(m, {}).get("group", "")) for m in primary}
    return {region for region, ids in figure_regions.items() if names & set(ids)}
