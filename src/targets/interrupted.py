"""The exception a signal becomes. Its module imports nothing: the signal handler raises it
at any moment, in the middle of an import too, and must not import anything itself."""


class Interrupted(BaseException):
    """A signal (Ctrl-C, SIGTERM, SIGHUP) stopped the command; whatever it wrote was undone."""

    def __init__(self, signal_number: int) -> None:
        super().__init__(signal_number)
        self.signal_number = signal_number
