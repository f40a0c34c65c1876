"""The version of cftools, in one place (read by the user agent and the CLI)."""

__version__ = "0.1.0"
