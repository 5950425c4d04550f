"""The one error the store raises."""


class StoreError(Exception):
    """A database that is missing, corrupt, not rasid's, or asked for something it does not hold."""
