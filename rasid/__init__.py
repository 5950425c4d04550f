"""rasid: Arabic conflict reports in, ACLED-coded events with evidence out."""

__version__ = "0.1.0"
