"""The application shell: entry point, command line, login, main window, errors and logging."""


def version() -> str:
    """The installed version, or "dev" when running from an uninstalled checkout."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        return dist_version("intygsstudio")
    except PackageNotFoundError:
        return "dev"
