"""Command-line interface: ``app`` builds the typer application, one module per command group."""
