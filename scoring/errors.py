"""The project's one exception family. Every error the job raises on purpose derives from
`TextQualityError`, so the command line can map it to a one-line message and an exit code."""


class TextQualityError(Exception):
    """Base class of every textquality error."""


class ConfigError(TextQualityError):
    """Settings are invalid (unknown key, wrong type, unknown scorer). Raised before any work."""


class LanguageToolError(TextQualityError):
    """A LanguageTool request failed, or the server could not be started."""


class LanguageToolUnavailable(LanguageToolError):
    """LanguageTool keeps failing after restarts: the run cannot go on (exit code 3)."""


class AlreadyRunning(TextQualityError):
    """Another run holds the lock on the same report folder or output."""


class InputError(TextQualityError):
    """One input article cannot be used. `reason` is a short, stable code counted in the run's stats."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message
