"""A domain value object as its wire mirror, field by field."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

__all__ = ["to_wire"]

W = TypeVar("W", bound=BaseModel)


def to_wire(model: type[W], value: BaseModel) -> W:
    """A domain value object as its wire mirror ``model``.

    Only the fields the wire model declares are kept, nested models narrowed the same
    way: a field added to the domain model later does not leak onto the wire, nor break
    the response.
    """
    return model.model_validate(_narrow(model, value.model_dump(mode="json")))


def _narrow(model: type[BaseModel], data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name not in data:
            continue
        value = data[name]
        nested = _nested_model(info.annotation)
        if nested is not None and isinstance(value, list):
            value = [_narrow(nested, v) if isinstance(v, dict) else v for v in value]
        elif nested is not None and isinstance(value, dict):
            value = _narrow(nested, value)
        out[name] = value
    return out


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    for arg in (annotation, *getattr(annotation, "__args__", ())):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return None
