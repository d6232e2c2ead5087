"""Steps as data: a derivation (leibniz.steps) is a list of Step objects that Jupyter
renders as the notes print it."""
import html


class Step:
    """One rule applied: rule_id (stable, docs/steps.md), rule (its name), var, depth (of a
    sub-derivation), before and after (Expr), text and latex (the line as printed), parts
    (the named pieces: u, v, ...)."""

    def __init__(self, data, text, latex):
        from leibniz import Expr

        self.rule_id = data["rule_id"]
        self.rule = data["rule"]
        self.var = data.get("var")
        self.depth = data.get("depth", 0)
        self.before = Expr(data["before"])
        self.after = Expr(data["after"])
        self.parts = dict(data.get("parts", {}))
        self.text = text
        self.latex = latex
        self.data = data

    def __repr__(self):
        return f"Step({self.rule_id!r}: {self.before} -> {self.after})"


class Derivation(list):
    """The steps of one derivation, in order; text and latex hold it as the command line
    prints it (Unicode lines, or a LaTeX align* environment)."""

    def __init__(self, steps, text, latex, result):
        super().__init__(steps)
        self.text = text
        self.latex = latex
        self.result = result

    def __str__(self):
        return self.text

    def _repr_latex_(self):
        return self.latex

    def _repr_html_(self):
        rows = "".join(
            f"<tr><td style='text-align:left;padding-left:{1.5 * s.depth}em'>"
            f"{html.escape(s.rule)}</td><td style='text-align:left'>"
            f"\\({s.before.latex()} \\;\\to\\; {s.after.latex()}\\)</td></tr>"
            for s in self
        )
        return f"<table>{rows}</table><pre>{html.escape(self.text)}</pre>"


class CheckResult(dict):
    """The answer of check (spec section 3): verdict ("holds", "fails", "unknown"),
    first_broken and links, as attributes and as dict items."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __bool__(self):
        return self.get("verdict") == "holds"

    def _repr_html_(self):
        lines = [f"<b>{html.escape(self['verdict'])}</b>"]
        for i, link in enumerate(self.get("links", [])):
            mark = "✗" if i == self.get("first_broken") else "·"
            extra = link.get("point") or link.get("reason") or ""
            lines.append(
                f"{mark} {html.escape(str(link.get('left')))} = "
                f"{html.escape(str(link.get('right')))}: {html.escape(link['verdict'])} "
                f"{html.escape(str(extra))}"
            )
        return "<br>".join(lines)
