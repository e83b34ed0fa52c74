"""Schemathesis hooks for bench/fuzz: pick the operations of one credential set and pin tenant ids.

FUZZ_SET selects the operations from /v3/api-docs before schemathesis parses it:
  citizen   operations without a security requirement (public: tenants, services, slots, booking,
            contact form, LiveKit webhook), sent without a token
  staff     operations with a bearer requirement, except the operator's and the handover receiver's
  receiver  handover redemption (the tenant's specialist system)
  operator  the operator's tenant lifecycle (/api/v1/operator/**)
FUZZ_TENANTS (comma-separated) becomes the enum of every {tenant} path parameter, so generated cases
reach the tenant's data instead of a 404 for a random tenant id (negative cases still try others).
"""
import os

import schemathesis

METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


def _selected(fuzz_set, path, operation):
    secured = bool(operation.get("security"))
    if fuzz_set == "citizen":
        return not secured
    if fuzz_set == "operator":
        return path.startswith("/api/v1/operator/")
    if fuzz_set == "receiver":
        return "/handovers/" in path
    if fuzz_set == "staff":
        return secured and not path.startswith("/api/v1/operator/") and "/handovers/" not in path
    raise ValueError(f"unknown FUZZ_SET {fuzz_set!r}")


@schemathesis.hook
def before_load_schema(ctx, raw_schema):
    fuzz_set = os.environ["FUZZ_SET"]
    tenants = [t for t in os.environ.get("FUZZ_TENANTS", "").split(",") if t]
    for path in list(raw_schema.get("paths", {})):
        item = raw_schema["paths"][path]
        for method in [m for m in item if m in METHODS]:
            if not _selected(fuzz_set, path, item[method]):
                del item[method]
                continue
            for parameter in item[method].get("parameters", []):
                if tenants and parameter.get("in") == "path" and parameter.get("name") == "tenant":
                    parameter["schema"] = {"type": "string", "enum": tenants}
        if not any(m in METHODS for m in item):
            del raw_schema["paths"][path]
