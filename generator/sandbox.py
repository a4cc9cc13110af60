"""The Jinja environment a Word template runs in: sandboxed, immutable, no globals, bounded.

A template is untrusted: a restyled copy from another unit may hold any Jinja. It sees only the
render context (templates/README.md): no globals (``range``, ``cycler``, ``lipsum``,
``namespace``…), no attribute starting with ``_``, no method calls, no tags that read other
templates or define code (``include``, ``import``, ``extends``, ``macro``, ``call``, ``block``,
``filter``, ``set`` blocks, recursive loops), only filters that cannot blow up their input. What
it can still do is bounded: loop iterations, the size of a value made by ``*``, ``+``, ``~`` and
``**``, and the size of each rendered part.
"""

from __future__ import annotations

import contextvars
import operator
from contextlib import contextmanager

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError, TemplateSyntaxError
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer

from generator.vnformat import format_number

MAX_ITERATIONS = 1_000_000
"""Loop iterations of one render, all loops and parts together (a report has a few thousand)."""
MAX_VALUE = 4_000_000
"""Characters or items of one value computed by the template (``'a' * n``, ``x ~ y``)."""
MAX_OUTPUT = 64_000_000
"""Characters of one rendered part (a 2,600-paragraph report's body is about 3 million)."""
MAX_POWER_BITS = 4096
"""Bits of the result of ``a ** b``."""

SAFE_FILTERS = ("abs", "capitalize", "count", "d", "default", "dictsort", "e", "escape",
                "first", "float", "int", "join", "last", "length", "list", "lower", "max",
                "min", "reject", "rejectattr", "reverse", "round", "select", "selectattr",
                "sort", "string", "sum", "title", "trim", "truncate", "unique", "upper",
                "wordcount")
"""Filters whose result is never much larger than their input (no ``safe``: data stays text)."""

_FORBIDDEN_TAGS = {
    nodes.Include: "include", nodes.Import: "import", nodes.FromImport: "from … import",
    nodes.Extends: "extends", nodes.Macro: "macro", nodes.CallBlock: "call",
    nodes.Block: "block", nodes.FilterBlock: "filter", nodes.AssignBlock: "set … endset",
}
_BINOPS = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
           "//": operator.floordiv, "%": operator.mod, "**": operator.pow}


class _Budget:
    """The loop iterations left to one render."""

    def __init__(self):
        self.left = MAX_ITERATIONS

    def step(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise SecurityError(f"vòng lặp chạy quá {format_number(MAX_ITERATIONS)} lượt")


_BUDGET: contextvars.ContextVar[_Budget] = contextvars.ContextVar("budget")


@contextmanager
def render_budget():
    """Give the renders inside the block one shared loop budget."""
    token = _BUDGET.set(_Budget())
    try:
        yield
    finally:
        _BUDGET.reset(token)


class TemplateEnvironment(ImmutableSandboxedEnvironment):
    """The sandbox; compiles each distinct template source once per process.

    docxtpl calls `from_string` for every part at every render; parsing and compiling the
    body's template is about 5 ms of each rebuild of the sample, for the same source each time.
    """

    intercepted_binops = frozenset(_BINOPS)

    def __init__(self):
        super().__init__(autoescape=True, undefined=jinja2.StrictUndefined)
        self.globals.clear()
        self.filters = {name: self.filters[name] for name in SAFE_FILTERS}
        self._compiled: dict[str, jinja2.Template] = {}

    def from_string(self, source, globals=None, template_class=None):
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        compiled = self._compiled.get(source)
        if compiled is None:
            compiled = super().from_string(source)
            if len(self._compiled) >= _CACHE_SIZE:
                self._compiled.clear()
            self._compiled[source] = compiled
        return compiled

    def _parse(self, source, name, filename):
        """Return the template's syntax tree, refused if it reaches for code, with bounds added."""
        tree = super()._parse(source, name, filename)
        _refuse_unsafe(tree)
        return _Bounder().visit(tree)

    def wrap_str_format(self, value):
        """Give no ``str.format``: a width like ``{:>999999999}`` would exhaust memory."""

    def is_safe_attribute(self, obj, attr, value) -> bool:
        """Allow data fields only: no ``_`` names (the sandbox's rule) and no methods."""
        return not callable(value) and super().is_safe_attribute(obj, attr, value)

    def call_binop(self, context, operator_, left, right):
        """Return ``left <op> right`` unless the result would be huge; arithmetic errors say so."""
        if operator_ == "%" and isinstance(left, str):
            raise SecurityError("không dùng phép định dạng '%' với chuỗi trong mẫu")
        _check_size(operator_, left, right)
        try:
            return _BINOPS[operator_](left, right)
        except (ArithmeticError, TypeError, ValueError):
            raise SecurityError(f"phép tính '{operator_}' không thực hiện được với các giá trị "
                                "này (chia cho 0, cộng chữ với số …)") from None

    def concat(self, parts) -> str:
        """Join a part's rendered pieces, stopping once it passes `MAX_OUTPUT` characters."""
        out, size = [], 0
        for piece in parts:
            size += len(piece)
            if size > MAX_OUTPUT:
                raise SecurityError(f"mẫu sinh ra hơn {format_number(MAX_OUTPUT)} ký tự")
            out.append(piece)
        return "".join(out)

    def bounded_loop(self, iterable):
        """Yield the items of a loop, each taken from the render's budget."""
        budget = _BUDGET.get(None) or _Budget()
        for item in iterable:
            budget.step()
            yield item

    def bounded_value(self, value):
        """Return a value built by ``~``, refused past `MAX_VALUE` characters."""
        if len(value) > MAX_VALUE:
            raise SecurityError(_too_large())
        return value


_CACHE_SIZE = 32
"""Distinct parts kept (body, headers, footnotes, properties of a few templates)."""


def _too_large() -> str:
    return f"giá trị tính trong mẫu dài hơn {format_number(MAX_VALUE)} ký tự"


def _check_size(operator_: str, left, right) -> None:
    """Refuse a ``*``, ``+`` or ``**`` whose result would pass the bounds, before computing it."""
    sized = (str, list, tuple)
    if operator_ == "*" and (isinstance(left, sized) or isinstance(right, sized)):
        count = right if isinstance(left, sized) else left
        length = len(left) if isinstance(left, sized) else len(right)
        if isinstance(count, int) and length * count > MAX_VALUE:
            raise SecurityError(_too_large())
    elif operator_ == "+" and isinstance(left, sized) and isinstance(right, sized) \
            and len(left) + len(right) > MAX_VALUE:
        raise SecurityError(_too_large())
    elif operator_ == "**" and isinstance(left, int) and isinstance(right, int) \
            and abs(left) > 1 and right * abs(left).bit_length() > MAX_POWER_BITS:
        raise SecurityError("lũy thừa quá lớn")


def _refuse_unsafe(tree: nodes.Template) -> None:
    """Raise `TemplateSyntaxError` (Vietnamese, with the line) at the first unsafe construct."""
    for node in tree.find_all((nodes.Stmt, nodes.Expr)):
        name = _FORBIDDEN_TAGS.get(type(node))
        if name:
            raise TemplateSyntaxError(f"thẻ {{% {name} %}} không được dùng trong mẫu (mẫu không "
                                      "được đọc tệp khác hay định nghĩa mã)", node.lineno)
        if isinstance(node, nodes.For) and node.recursive:
            raise TemplateSyntaxError("vòng lặp 'recursive' không được dùng trong mẫu",
                                      node.lineno)
        if isinstance(node, nodes.Name) and node.name == "self":
            raise TemplateSyntaxError("tên 'self' không được dùng trong mẫu", node.lineno)
        field = _field_name(node)
        if field is not None and field.startswith("_"):
            raise TemplateSyntaxError(f"thuộc tính '{field}' không được dùng trong mẫu (chỉ "
                                      "dùng các trường trong templates/README.md)", node.lineno)


def _field_name(node: nodes.Node) -> str | None:
    if isinstance(node, nodes.Getattr):
        return node.attr
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const) \
            and isinstance(node.arg.value, str):
        return node.arg.value
    return None


class _Bounder(NodeTransformer):
    """Route every loop through `bounded_loop` and every ``~`` through `bounded_value`."""

    def visit_For(self, node: nodes.For) -> nodes.For:
        self.generic_visit(node)
        node.iter = _call("bounded_loop", node.iter)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Expr:
        self.generic_visit(node)
        return _call("bounded_value", node)


def _call(method: str, argument: nodes.Expr) -> nodes.Call:
    call = nodes.Call(nodes.EnvironmentAttribute(method), [argument], [], None, None)
    return call.set_lineno(argument.lineno)
