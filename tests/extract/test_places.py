"""Place resolution: countries, demonyms, cities."""

from __future__ import annotations

from plotwatch.extract import Extractor


def test_places_city_to_country(extractor: Extractor) -> None:
    place = extractor.places.resolve("Ottawa")
    assert place is not None and place.country == "CA" and place.lat is not None


def test_places_country_aliases_and_demonyms(extractor: Extractor) -> None:
    assert extractor.places.country("the Netherlands") == "NL"
    assert extractor.places.country("U.K.") == "GB"
    assert extractor.places.demonym("Danish") == "DK"
    assert extractor.places.resolve("Saudi Arabia's") is not None
