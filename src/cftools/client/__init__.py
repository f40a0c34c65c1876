"""cftools.client (under construction)."""

__all__: list[str] = []
