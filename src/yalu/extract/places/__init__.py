"""Gazetteer: place names found in text, resolved to places with coordinates and an admin hierarchy."""

from yalu.extract.places.gazetteer import Gazetteer, load_gazetteer
from yalu.extract.places.place import Place, PlaceMention

__all__ = ["Gazetteer", "Place", "PlaceMention", "load_gazetteer"]
