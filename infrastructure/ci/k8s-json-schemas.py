#!/usr/bin/env python3
"""Kubernetes JSON schemas for kubeconform, made offline from the API server's own OpenAPI v2 document.

kubeconform normally downloads its schemas from GitHub, which CI cannot reach. The same schemas come
out of `api/openapi-spec/swagger.json` of the Kubernetes source (the `k8s.io/kubernetes` module zip
that the Go module proxy serves). This script writes one standalone, strict schema per kind in the
layout kubeconform expects with
    -schema-location '<dir>/{{ .ResourceKind }}{{ .KindSuffix }}.json'
i.e. `deployment-apps-v1.json`, `service-v1.json`, `ingress-networking-v1.json`, like the
"standalone-strict" flavour of the published schema sets:
- every $ref is inlined (standalone), a reference cycle (only in CRD's JSONSchemaProps) becomes {};
- objects with `properties` get `additionalProperties: false` (strict: unknown fields are errors);
- `int-or-string` becomes oneOf string/integer, a resource Quantity string or number;
- optional fields may be null (Helm renders empty values as null), required ones may not.
Standard library only.

usage: k8s-json-schemas.py swagger.json OUT_DIR
"""
import json
import os
import sys

QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity"
INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString"


def main(swagger_path, out_dir):
    with open(swagger_path, encoding="utf-8") as f:
        definitions = json.load(f)["definitions"]
    os.makedirs(out_dir, exist_ok=True)
    memo = {}

    def expand(node, stack):
        if isinstance(node, list):
            return [expand(item, stack) for item in node]
        if not isinstance(node, dict):
            return node
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            if name in stack:
                return {}
            if name not in memo:
                memo[name] = resolve(name, stack | {name})
            return memo[name]
        if node.get("format") == "int-or-string":
            return {"oneOf": [{"type": "string"}, {"type": "integer"}]}
        out = {}
        for key, value in node.items():
            if key == "properties" and isinstance(value, dict):
                required = set(node.get("required", []))
                out[key] = {name: nullable(expand(prop, stack), name in required) for name, prop in value.items()}
            elif key in ("description", "x-kubernetes-list-map-keys", "x-kubernetes-patch-merge-key",
                         "x-kubernetes-patch-strategy", "x-kubernetes-list-type", "x-kubernetes-map-type",
                         "x-kubernetes-unions"):
                continue
            else:
                out[key] = expand(value, stack)
        if "properties" in out and "additionalProperties" not in out:
            out["additionalProperties"] = False
        return out

    def resolve(name, stack):
        if name == QUANTITY:
            return {"oneOf": [{"type": "string"}, {"type": "number"}]}
        if name == INT_OR_STRING:
            return {"oneOf": [{"type": "string"}, {"type": "integer"}]}
        return expand(definitions[name], stack)

    written = 0
    for name, definition in sorted(definitions.items()):
        for gvk in definition.get("x-kubernetes-group-version-kind", []):
            group, version, kind = gvk["group"], gvk["version"], gvk["kind"]
            if kind.endswith("List") or kind == "WatchEvent" or kind == "DeleteOptions":
                continue
            schema = dict(resolve(name, {name}))
            props = dict(schema.get("properties", {}))
            api_version = f"{group}/{version}" if group else version
            props["apiVersion"] = {"type": "string", "enum": [api_version]}
            props["kind"] = {"type": "string", "enum": [kind]}
            schema["properties"] = props
            schema["$schema"] = "http://json-schema.org/schema#"
            suffix = f"-{group.split('.')[0]}-{version}" if group else f"-{version}"
            path = os.path.join(out_dir, f"{kind.lower()}{suffix}.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(schema, f, separators=(",", ":"))
            written += 1
    if written < 50:
        sys.exit(f"only {written} schemas from {swagger_path}: not a Kubernetes OpenAPI document?")
    print(f"k8s-json-schemas: {written} schemas in {out_dir}")


def nullable(schema, required):
    if required or not isinstance(schema, dict):
        return schema
    kind = schema.get("type")
    if isinstance(kind, str):
        return {**schema, "type": [kind, "null"]}
    if "oneOf" in schema:
        return {**schema, "oneOf": schema["oneOf"] + [{"type": "null"}]}
    return schema


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
