"""Links between pages, written the one way every generator rewrites: relative ``.md`` links.

Cards link to other exercise pages with ``.md`` links relative to the current page, because that
is the one link form MkDocs, ProperDocs and Zensical all rewrite to the final URL (and MkDocs
validates).
"""

from __future__ import annotations


def relative_link(target: str, page: str | None) -> str:
    """``target`` (relative to the docs folder) as seen from ``page`` (both POSIX, normalised).

    Plain string work: posixpath.relpath consults the working directory on every call.
    """
    if page is None:
        return target
    folder, parts = page.split("/")[:-1], target.split("/")
    common = 0
    while common < len(folder) and common < len(parts) - 1 and folder[common] == parts[common]:
        common += 1
    return "/".join([".."] * (len(folder) - common) + parts[common:])
