"""What is wrong with a date a contributor typed, in words.

A ``reviewed:`` date tells readers when a page was last checked against its sources, so it must be
a real day and not one still to come. "2026-02-30" has the right shape: saying "expected a date
like 2026-11-25" would send the contributor looking at the format instead of the calendar.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .values import describe_value

_SHAPE_RE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")
# A contributor east of UTC may write tomorrow's UTC date; CI runs in UTC. One day of grace.
_GRACE = dt.timedelta(days=1)


def date_problem(value: object, today: dt.date | None = None) -> str | None:
    """The message for a ``YYYY-MM-DD`` value that is not a real past day, or None if it is one."""
    match = _SHAPE_RE.match(value) if isinstance(value, str) else None
    if match is None:
        return f"expected a date like 2026-11-25, got {describe_value(value)}"
    year, month, day = (int(part) for part in match.groups())
    if not 1 <= month <= 12:
        return f"'{value}' has no month {month}: months go from 01 to 12 (YYYY-MM-DD)"
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        name = calendar.month_name[month]
        return f"'{value}' is not a real day: {name} {year} has {days} days"
    today = today or dt.datetime.now(dt.UTC).date()
    if dt.date(year, month, day) > today + _GRACE:
        return f"'{value}' is in the future; give the day you last checked it against its sources"
    return None
