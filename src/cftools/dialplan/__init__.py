"""cftools.dialplan (under construction)."""

__all__: list[str] = []
