"""cftools.fields (under construction)."""

__all__: list[str] = []
