#!/usr/bin/env python3
"""Validates a compose file against the compose-spec JSON schema, offline.

The schema is compose-go's schema/compose-spec.json (the module zip from the Go module proxy; the
same schema `docker compose config` uses). Besides the schema: every file the compose file mounts or
reads (env_file examples, Caddyfile, livekit.yaml, server.properties) must exist in the repository, and each env_file an `<name>.example` beside it.

usage: compose-check.py compose-spec.json compose.yaml
"""
import json
import os
import sys

import jsonschema
import yaml


def main(schema_path, compose_path):
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    with open(compose_path, encoding="utf-8") as f:
        document = yaml.safe_load(f)
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    for error in errors:
        print(f"{compose_path}: {'/'.join(map(str, error.path)) or '<root>'}: {error.message}", file=sys.stderr)
    base = os.path.dirname(os.path.abspath(compose_path))
    missing = []
    for name, service in (document.get("services") or {}).items():
        for volume in service.get("volumes", []):
            source = volume.split(":", 1)[0] if isinstance(volume, str) else volume.get("source", "")
            if source.startswith((".", "/")) and not os.path.exists(os.path.join(base, source)):
                missing.append(f"{name}: volume source {source}")
        env_files = service.get("env_file", [])
        for env_file in [env_files] if isinstance(env_files, str) else env_files:
            path = env_file if isinstance(env_file, str) else env_file["path"]
            # Real env files stay on the host (they hold secrets); the repository has an example of each.
            if not os.path.exists(os.path.join(base, path + ".example")):
                missing.append(f"{name}: env_file example {path}.example")
    for item in missing:
        print(f"{compose_path}: missing {item}", file=sys.stderr)
    if errors or missing:
        sys.exit(1)
    print(f"compose-check: {compose_path} valid ({len(document['services'])} services)")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
