"""Data files an analyst may read and extend: gazetteers, lexicons, the source registry."""
