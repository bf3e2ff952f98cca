"""The API reference page (/docs), drawn on the server from the OpenAPI schema (#9).

FastAPI's Swagger UI and ReDoc load their script from a CDN and start it with inline script, which the
app's Content-Security-Policy forbids and an offline machine cannot fetch. The schema holds all they
show, so this page reads it: each operation with its parameters, body and responses, then each schema
with its fields. No script, every value escaped by the template.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

ERROR_SCHEMA = {
    "title": "Error",
    "type": "object",
    "description": "Every refusal: 400 bad parameter or value, 401/403 write refused, 404 nothing there.",
    "properties": {"error": {"type": "string", "title": "Error", "description": "what to change"},
                   "status": {"type": "integer", "title": "Status"}},
    "required": ["error", "status"],
}


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # readable: "string", "list of Evidence", "integer 1–200"
    ref: str  # the schema the type names, for a link ("" for none)
    required: bool
    default: str
    description: str


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    summary: str
    description: str
    parameters: list[Field]
    body: str  # schema name of the JSON body, "" for none
    responses: list[tuple[str, str, str]]  # (status, description, schema name)

    @property
    def anchor(self) -> str:
        return f"{self.method}-{self.path}".replace("/", "-").replace("{", "").replace("}", "").lower()

    @property
    def try_url(self) -> str:
        """A link that runs it: GET operations without path parameters."""
        return self.path if self.method == "get" and "{" not in self.path else ""


@dataclass(frozen=True)
class Schema:
    name: str
    description: str
    fields: list[Field]
    values: list[str]  # an enumeration's values


@dataclass(frozen=True)
class Reference:
    title: str
    summary: str
    version: str
    operations: list[Operation]
    schemas: list[Schema]


def openapi(app: FastAPI) -> dict[str, Any]:
    """The app's schema, once, with the errors as the app answers them: 400 with {error, status}, where
    FastAPI describes its default 422 (the app's handler turns validation errors into 400)."""
    if app.openapi_schema is None:
        spec = get_openapi(title=app.title, version=app.version, summary=app.summary, routes=app.routes)
        schemas = spec.setdefault("components", {}).setdefault("schemas", {})
        schemas.pop("HTTPValidationError", None)
        schemas.pop("ValidationError", None)
        schemas["Error"] = ERROR_SCHEMA
        for ops in spec.get("paths", {}).values():
            for op in ops.values():
                op.get("responses", {}).pop("422", None)
                op.setdefault("responses", {})["4XX"] = {
                    "description": "refused: the message says what to change",
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
                }
        app.openapi_schema = spec
    return app.openapi_schema


def reference(spec: dict[str, Any]) -> Reference:
    info = spec.get("info", {})
    operations = []
    for path, ops in spec.get("paths", {}).items():
        for method, op in ops.items():
            params = [_field(p["name"], p.get("schema", {}), p.get("required", False), p.get("description", ""))
                      for p in op.get("parameters", [])]
            body = _ref_name(op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {}))
            responses = [
                (status, r.get("description", ""),
                 _type(r.get("content", {}).get("application/json", {}).get("schema", {}))[0])
                for status, r in op.get("responses", {}).items()
            ]
            operations.append(Operation(method, path, op.get("summary", ""), op.get("description", ""), params, body,
                                        responses))
    schemas = []
    for name, schema in sorted(spec.get("components", {}).get("schemas", {}).items()):
        required = set(schema.get("required", []))
        fields = [_field(key, prop, key in required, prop.get("description", ""))
                  for key, prop in schema.get("properties", {}).items()]
        schemas.append(Schema(name, schema.get("description", ""), fields, [str(v) for v in schema.get("enum", [])]))
    return Reference(info.get("title", ""), info.get("summary", ""), str(info.get("version", "")), operations, schemas)


def _field(name: str, schema: dict[str, Any], required: bool, description: str) -> Field:
    text, ref = _type(schema)
    default = schema.get("default")
    return Field(name, text, ref, required, "" if default is None else json.dumps(default),
                 description or schema.get("description", ""))


def _type(schema: dict[str, Any]) -> tuple[str, str]:
    """A readable type and the schema it names, if any."""
    if "$ref" in schema:
        name = _ref_name(schema)
        return name, name
    if "anyOf" in schema:
        parts = [_type(s) for s in schema["anyOf"] if s.get("type") != "null"]
        nullable = any(s.get("type") == "null" for s in schema["anyOf"])
        text = " or ".join(p[0] for p in parts) + (" or null" if nullable else "")
        return text, next((p[1] for p in parts if p[1]), "")
    kind = schema.get("type", "")
    if kind == "array":
        if "items" in schema:
            inner, ref = _type(schema["items"])
            return f"list of {inner}", ref
        if "prefixItems" in schema:
            return "[" + ", ".join(_type(s)[0] for s in schema["prefixItems"]) + "]", ""
        return "list", ""
    if kind == "object" and isinstance(schema.get("additionalProperties"), dict):
        inner, ref = _type(schema["additionalProperties"])
        return f"map of {inner}", ref
    text = str(kind or "any")
    if "minimum" in schema and "maximum" in schema:
        text += f" {schema['minimum']}–{schema['maximum']}"
    if "maxLength" in schema:
        least = f"{schema['minLength']}–" if "minLength" in schema else "at most "
        text += f", {least}{schema['maxLength']} characters"
    return text, ""


def _ref_name(schema: dict[str, Any]) -> str:
    ref = schema.get("$ref", "")
    return str(ref).rsplit("/", 1)[-1] if ref else ""
