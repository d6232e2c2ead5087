"""leibniz.Error: what bad input raises, with the kinds of spec/interfaces.md section 3."""


class Error(ValueError):
    """A failure the input caused.

    kind: "parse", "domain", "unsupported", "limit", "request" (or "internal" for a bug);
    message: the message alone; pos: a 0-based character offset into input, or None;
    input: the text the error is about, when known. str() shows the message with a caret
    under the position, as the command line does.
    """

    def __init__(self, kind, message, pos=None, input=None):
        self.kind = kind
        self.message = message
        self.pos = pos
        self.input = input
        super().__init__(self._caret_message())

    def _caret_message(self):
        text = f"{self.kind} error: {self.message}"
        if self.pos is not None and self.input is not None and "\n" not in self.input:
            text += f"\n  {self.input}\n  {' ' * self.pos}^"
        return text

    @classmethod
    def from_answer(cls, error, input=None):
        """The Error of an answer's "error" object."""
        return cls(error["kind"], error["message"], error.get("pos"), input)
