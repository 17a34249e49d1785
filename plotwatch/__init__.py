"""plotwatch: news articles in, a source-graded knowledge base of state-sponsored plots out."""

from plotwatch.errors import PlotwatchError

__version__ = "0.1.0"

__all__ = ["PlotwatchError", "__version__"]
